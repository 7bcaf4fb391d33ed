import { definePhaseStoryTests } from './phase-stories.js';

await definePhaseStoryTests('firefox');
