// Aborts an axios response stream under @promoscale/msw/node after its first chunk. Prints what happened; the release
// test reports "settled", "crashed" (non-zero exit) or "hung" (no exit within its budget); exit 3 (the request
// itself failed) fails the test. mswjs/interceptors#768 reports crashes and hangs here; the msw README prints what
// this measures.
import { setupPromoscaleServer } from '@promoscale/msw/node';
import axios from 'axios';

const server = setupPromoscaleServer({ dataset: { seed: 42, stores: 200 } });
server.listen({ onUnhandledRequest: 'error' });
const controller = new AbortController();
const response = await axios
  .get('http://localhost/api/promotions/export?format=ndjson', {
    responseType: 'stream',
    signal: controller.signal,
  })
  .catch((error) => {
    // Not the limitation this script measures: the request itself failed.
    console.error(`axios-abort: the request failed: ${error.message}`);
    process.exit(3);
  });
await new Promise((resolve) => {
  response.data.once('data', () => controller.abort());
  response.data.on('close', resolve);
  response.data.on('error', resolve);
});
server.close();
console.log('axios-abort: settled');
