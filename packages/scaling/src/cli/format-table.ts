/** A column of {@link formatTable}: its header and whether its cells line up on the right (numbers). */
export interface TableColumn {
  header: string;
  align?: 'left' | 'right' | undefined;
}

/**
 * A plain-text table in the style of the seed document's Markdown tables: `| a | b |` rows under a header and
 * a separator line, cells padded so the columns line up in a terminal and the text is still valid Markdown.
 */
export function formatTable(columns: TableColumn[], rows: string[][]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: string[]) =>
    `| ${cells
      .map((cell, i) =>
        columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0),
      )
      .join(' | ')} |`;
  const separator = `|${widths.map((width, i) => (columns[i]?.align === 'right' ? `${'-'.repeat(width + 1)}:` : '-'.repeat(width + 2))).join('|')}|`;
  return [line(columns.map((column) => column.header)), separator, ...rows.map(line)].join('\n');
}

/**
 * Pads the cells of every Markdown table in `markdown` (runs of lines starting with `|`) so the columns line up
 * in a terminal; other lines are kept as they are. Numbers (cells starting with a digit, `<` or `-` followed by
 * a digit) are right-aligned.
 */
export function alignMarkdownTable(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; ) {
    if (!lines[i]?.startsWith('|')) {
      out.push(lines[i] ?? '');
      i++;
      continue;
    }
    const block: string[][] = [];
    while (i < lines.length && lines[i]?.startsWith('|')) {
      block.push(
        (lines[i] as string)
          .slice(1, -1)
          .split('|')
          .map((cell) => cell.trim()),
      );
      i++;
    }
    const [header = [], , ...rows] = block;
    const numeric = header.map(
      (_, c) => rows.length > 0 && rows.every((row) => /^(<|-?\d|n\/a|—)/.test(row[c] ?? '')),
    );
    out.push(
      formatTable(
        header.map((text, c) => ({ header: text, align: numeric[c] ? 'right' : 'left' })),
        rows,
      ),
    );
  }
  return out.join('\n');
}
