import { parse } from 'graphql';
import { findInDocument, findInValue, textProblem } from './input-guard';

describe('input guard', () => {
  it('refuses NUL and lone surrogates, and lets every other text through', () => {
    expect(textProblem('a\u0000b')).toMatch(/NUL/);
    expect(textProblem('\uD800')).toMatch(/surrogate/);
    expect(textProblem('x\uDC00')).toMatch(/surrogate/);
    for (const fine of ['Åsa Öberg', '😀 emoji', '=SUM(A1)', 'tab\tand\r\nnewline', ''])
      expect(textProblem(fine)).toBeNull();
  });

  it('names the innermost input field of a variable', () => {
    expect(findInValue({ name: 'ok', address: { street: 'x\u0000' } }, 'input')).toMatchObject({
      field: 'street',
    });
    expect(findInValue(['ok', 'b\u0000'], 'topics')).toMatchObject({ field: 'topics' });
    expect(findInValue({ topics: ['ok', '\uD83D'] }, 'input')).toMatchObject({ field: 'topics' });
    expect(findInValue('plain\u0000', 'q')).toMatchObject({ field: 'q' });
    expect(findInValue({ name: 'Maja', count: 3, flag: true, none: null }, 'input')).toBeNull();
  });

  it('names the argument or input field of a literal, and the variable of a default', () => {
    expect(findInDocument(parse(`{ actors(filter: { search: "a\\u0000" }) { totalCount } }`))).toMatchObject({
      field: 'search',
    });
    expect(findInDocument(parse(`{ checkInSearch(eventId: "e", query: "x\\u0000") { id } }`))).toMatchObject({
      field: 'query',
    });
    // A lone surrogate in a literal never gets this far: graphql's lexer refuses it (GRAPHQL_PARSE_FAILED).
    expect(() => parse(`{ checkInSearch(eventId: "e", query: "\\uD800") { id } }`)).toThrow(
      /Invalid Unicode/,
    );
    expect(findInDocument(parse(`query($q: String = "\\u0000") { a(q: $q) }`))).toMatchObject({ field: 'q' });
    expect(findInDocument(parse(`{ actors(filter: { search: "Åsa" }) { totalCount } }`))).toBeNull();
  });
});
