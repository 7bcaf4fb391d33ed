import { hashRows } from '@promoscale/react-grid';
import { loadSingleBatch } from '@promoscale/scaling';

console.log(hashRows(loadSingleBatch({ stores: 5 }).promotions).count); // 150
