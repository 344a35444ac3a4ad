import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/core/errors.js';
import { CsvTokenizer, type RawRow } from '../../src/read/tokenize-csv.js';

function tokenize(text: string, chunkSize = text.length || 1, delimiter = ','): RawRow[] {
  const tokenizer = new CsvTokenizer(delimiter);
  const out: RawRow[] = [];
  for (let i = 0; i < text.length; i += chunkSize) tokenizer.push(text.slice(i, i + chunkSize), out);
  tokenizer.end(out);
  return out;
}

describe('CsvTokenizer', () => {
  it('reads plain, quoted and escaped cells', () => {
    expect(tokenize('a,b,c\n1,"x, y","say ""hi"""\n').map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
    ]);
  });

  it('gives each record the physical line it starts on, across multi-line cells and blank lines', () => {
    const rows = tokenize('h1,h2\n1,"two\nlines"\n\n2,x\r\n3,"p\r\nq\r\nr"\r\n4,y\n');
    expect(rows.map((r) => [r.cells[0], r.line])).toEqual([
      ['h1', 1],
      ['1', 2],
      ['2', 5],
      ['3', 6],
      ['4', 9],
    ]);
    expect(rows[3]?.cells[1]).toBe('p\r\nq\r\nr');
  });

  it('counts a lone CR as a line break', () => {
    expect(tokenize('a\r1\r2').map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('gives the same records whatever the chunk size', () => {
    const text = 'a,b\n"x\r\ny",2\r\n3,"q""r"\n,\n"last"';
    const whole = tokenize(text);
    for (let size = 1; size <= text.length; size++)
      expect(tokenize(text, size), `chunk ${size}`).toEqual(whole);
  });

  it('keeps empty cells and a trailing empty cell', () => {
    expect(tokenize('a,,c,\n').map((r) => r.cells)).toEqual([['a', '', 'c', '']]);
  });

  it('keeps ragged rows as they are (the reader pads or cuts them)', () => {
    expect(tokenize('a,b\n1\n1,2,3\n').map((r) => r.cells.length)).toEqual([2, 1, 3]);
  });

  it('is lenient with stray quotes', () => {
    expect(tokenize('5" tall,"a"b\n').map((r) => r.cells)).toEqual([['5" tall', 'ab']]);
  });

  it('uses the given delimiter', () => {
    expect(tokenize('a;b|c\n', undefined, ';').map((r) => r.cells)).toEqual([['a', 'b|c']]);
    expect(tokenize('a\tb\n', undefined, '\t').map((r) => r.cells)).toEqual([['a', 'b']]);
  });

  it('fails with the line where a quote opened and never closed', () => {
    expect(() => tokenize('a,b\n1,2\n3,"open\nmore\n')).toThrow(InputError);
    expect(() => tokenize('a,b\n1,2\n3,"open\nmore\n')).toThrow(/opened on line 3 never closes/);
  });
});
