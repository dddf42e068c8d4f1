import { ZxcvbnCommonPasswords } from '../../src/infrastructure/security/ZxcvbnCommonPasswords';
import { ListedCommonPasswords } from '../fakes/ListedCommonPasswords';
import { describeCommonPasswordsContract } from './CommonPasswords.contract';

describeCommonPasswordsContract('fake', () => new ListedCommonPasswords());
describeCommonPasswordsContract('zxcvbn-ts common list', () => new ZxcvbnCommonPasswords());
