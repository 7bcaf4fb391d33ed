// TypeScript strict, CommonJS under nodenext: `import =` resolves the packages' `require` types (.d.cts).
import generator = require('@promoscale/generator');
import scaling = require('@promoscale/scaling');
import api = require('@promoscale/api');
import mswNode = require('@promoscale/msw/node');

const count: number = generator.processBatch(1, 1, 'MIXED', { seed: 1 }).promotions.length;
const approach: string = scaling.estimateDatasetSize(10).approach;
export const used = [count, approach, api.createApiHandler, mswNode.setupPromoscaleServer];
