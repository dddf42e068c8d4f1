import { UuidIdGenerator } from '../../src/infrastructure/system/UuidIdGenerator';
import { SequentialIds } from '../fakes/SequentialIds';
import { describeIdGeneratorContract } from './IdGenerator.contract';

describeIdGeneratorContract('SequentialIds', () => new SequentialIds());
describeIdGeneratorContract('UuidIdGenerator', () => new UuidIdGenerator());
