// Node CommonJS: the same entries through `require` (the packages' "require" conditions, .cjs builds).
const { scenario } = require('./scenario.cjs');

scenario({
  api: require('@promoscale/api'),
  generator: require('@promoscale/generator'),
  msw: require('@promoscale/msw'),
  mswNode: require('@promoscale/msw/node'),
  scaling: require('@promoscale/scaling'),
}).then(console.log);
