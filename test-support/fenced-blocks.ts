// The fenced code blocks of a Markdown text. No Node built-ins, so browser tests (react-grid's README examples,
// read with Vite's `?raw`) use it as well as readme-examples.ts.

/** A fenced code block: its info string (`js`, `ts browser`, …, trimmed) and its code, ending with a newline. */
export interface Block {
  info: string;
  code: string;
}

/** The fenced code blocks of a Markdown text, also those indented in a list item (the indent removed). */
export function fencedBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let open: { indent: string; info: string; lines: string[] } | undefined;
  for (const line of markdown.split('\n')) {
    const fence = /^( *)```(.*)$/.exec(line);
    if (open === undefined) {
      if (fence) open = { indent: fence[1] as string, info: (fence[2] as string).trim(), lines: [] };
    } else if (fence && (fence[2] as string).trim() === '') {
      blocks.push({ info: open.info, code: `${open.lines.join('\n')}\n` });
      open = undefined;
    } else {
      open.lines.push(line.startsWith(open.indent) ? line.slice(open.indent.length) : line);
    }
  }
  if (open) throw new Error(`README.md: the \`\`\`${open.info} block is not closed`);
  return blocks;
}
