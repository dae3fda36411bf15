export { startNodeEngine } from '../../../src/lib/db/node-engine';
