import { SQLDialect } from '@codemirror/lang-sql';

/**
 * DuckDB's grammar words for highlighting and completion: its reserved keywords and those that
 * may not name a column or a function (`SELECT keyword_name FROM duckdb_keywords()` in DuckDB
 * 1.x), with the unreserved ones that open or shape a statement. The other unreserved words
 * (value, year, source …) are left out: they are ordinary column names in these datasets and
 * would be highlighted as keywords.
 */
const KEYWORDS = [
  // reserved
  'all analyse analyze and any array as asc asymmetric both case cast check collate column',
  'constraint create default deferrable desc describe distinct do else end except false fetch',
  'for foreign from group having in initially intersect into lambda lateral leading limit not',
  'null offset on only or order pivot pivot_longer pivot_wider placing primary qualify',
  'references returning select show some summarize symmetric table then to trailing true union',
  'unique unpivot using variadic when where window with',
  // may not name a function or a type
  'anti asof at by collation columns cross full glob ilike inner is isnull join left like map',
  'natural notnull outer overlaps positional right semi similar struct tablesample try_cast',
  // may not name a column
  'between coalesce exists extract grouping grouping_id interval none nullif position row',
  'substring treat trim values',
  // unreserved, but the words of statements
  'alter attach begin commit copy delete detach drop exclude explain export filter first',
  'following if import insert install last load macro nulls over partition pragma preceding',
  'range recursive rename replace rollback rows set temp temporary transaction truncate',
  'unbounded update use view'
].join(' ');

const TYPES = [
  'bigint bit blob boolean date decimal double float hugeint integer interval json list',
  'smallint time timestamp timestamptz tinyint ubigint uhugeint uinteger usmallint utinyint',
  'uuid varchar'
].join(' ');

export const DuckDB = SQLDialect.define({
  keywords: KEYWORDS,
  types: TYPES,
  doubleDollarQuotedStrings: true,
  operatorChars: '*+-%<>!=&|~^/@',
  caseInsensitiveIdentifiers: true
});
