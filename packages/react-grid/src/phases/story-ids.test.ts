/// <reference types="vite/client" />
import { isExportStory, storyNameFromExport, toId } from 'storybook/internal/csf';
import { describe, expect, it } from 'vitest';

// Every story file of the package, as Storybook indexes it: the id is the meta's `id` (or its title) and the
// export's name, each made URL-safe by Storybook's sanitize, which keeps characters such as the titles' "·".
const storyFiles = import.meta.glob<Record<string, unknown>>('../**/*.stories.tsx', { eager: true });
// The scripts that open stories by id (benches, screenshots), read as text.
const scripts = import.meta.glob<string>(['../../bench/*.mjs', '../../scripts/*.mjs'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

interface MetaLike {
  id?: string;
  title?: string;
  includeStories?: string[] | RegExp;
  excludeStories?: string[] | RegExp;
}

const stories = Object.entries(storyFiles).flatMap(([file, module]) => {
  const meta = module.default as MetaLike;
  return Object.keys(module)
    .filter((name) => name !== 'default' && isExportStory(name, meta))
    .map((name) => ({
      file,
      title: meta.title ?? '',
      id: toId(meta.id ?? meta.title ?? '', storyNameFromExport(name)),
    }));
});

describe('story ids', () => {
  it('are plain lowercase ASCII words and dashes, so story URLs need no escapes', () => {
    expect(stories.length).toBeGreaterThan(30);
    const unclean = stories.filter(({ id }) => !/^[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9]+(-[a-z0-9]+)*$/.test(id));
    expect(unclean).toEqual([]);
  });

  it('keep the visible titles of the scaling phases, middle dot included', () => {
    const titles = new Set(
      stories.map(({ title }) => title).filter((title) => title.startsWith('Scaling phases')),
    );
    expect([...titles].sort()).toEqual([
      'Scaling phases/Phase 1 · Single batch',
      'Scaling phases/Phase 2 · Chunked',
      'Scaling phases/Phase 3 · Streaming',
      'Scaling phases/Phase 4 · Database backend',
    ]);
  });

  it('include every story id the benches and scripts open', () => {
    const ids = new Set(stories.map(({ id }) => id));
    const opened = Object.values(scripts).flatMap((text) => text.match(/\b[a-z0-9-]+--[a-z0-9-]+\b/g) ?? []);
    expect(opened.length).toBeGreaterThan(3);
    expect(opened.filter((id) => !ids.has(id))).toEqual([]);
  });
});
