import { Conflict } from '../shared/errors';

/**
 * The slug (not the name) is already used: another create won the race for it between choosing
 * and inserting. Still a Conflict with the kind's stable code; creates retry with the next free slug.
 */
export class SlugTaken extends Conflict {}
