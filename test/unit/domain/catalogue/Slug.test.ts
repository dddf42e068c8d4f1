import { Slug } from '../../../../src/domain/catalogue/Slug';

describe('Slug', () => {
  it('is made from a name: lower case, accents folded, punctuation dropped', () => {
    expect(Slug.fromText("  Cox's Bazar — Beach Tour! ").value).toBe('coxs-bazar-beach-tour');
    expect(Slug.fromText('Café Déjà Vu').value).toBe('cafe-deja-vu');
    expect(Slug.fromText('Sylhet').value).toBe('sylhet');
  });

  it('refuses a name without letters or digits, naming the field', () => {
    expect(() => Slug.fromText('!!!', 'title')).toThrow(expect.objectContaining({ problems: [{ path: 'title', message: 'must contain at least one letter or digit' }] }));
  });

  it('picks the first free -2, -3 ... when taken', () => {
    const base = Slug.fromText('Dhaka');
    expect(base.unique([]).value).toBe('dhaka');
    expect(base.unique(['dhaka']).value).toBe('dhaka-2');
    expect(base.unique(['dhaka', 'dhaka-2', 'dhaka-3']).value).toBe('dhaka-4');
    expect(base.unique(['dhaka', 'dhaka-3']).value).toBe('dhaka-2');
  });

  it('restores only well-formed slugs', () => {
    expect(Slug.restore('a-b-2').value).toBe('a-b-2');
    expect(() => Slug.restore('../x')).toThrow();
    expect(() => Slug.restore('Upper')).toThrow();
  });
});
