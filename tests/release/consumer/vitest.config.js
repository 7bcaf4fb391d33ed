export default { test: { include: ['clients.test.ts'], environment: 'node' } };
