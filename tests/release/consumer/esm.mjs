// Node ESM: every public entry resolves through `import` (the packages' "import" conditions).
import * as api from '@promoscale/api';
import * as generator from '@promoscale/generator';
import * as msw from '@promoscale/msw';
import * as mswNode from '@promoscale/msw/node';
import * as scaling from '@promoscale/scaling';
import scenarioModule from './scenario.cjs';

console.log(await scenarioModule.scenario({ api, generator, msw, mswNode, scaling }));
