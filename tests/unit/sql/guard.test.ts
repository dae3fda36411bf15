import { describe, expect, test } from 'vitest';
import { writtenTables } from '../../../src/lib/db/written-tables';
import { catalogueWrite } from '../../../src/lib/sql/guard';

const IDS = ['crim_off_cat', 'migr_eipre', 'my_import'];

describe('tables a statement would change', () => {
  test.each([
    ['DROP TABLE crim_off_cat', 'DROP', 'crim_off_cat'],
    ['drop view if exists main.Crim_Off_Cat', 'DROP', 'crim_off_cat'],
    ['ALTER TABLE "crim_off_cat" RENAME TO x', 'ALTER', 'crim_off_cat'],
    ['CREATE OR REPLACE TABLE migr_eipre AS SELECT 1', 'CREATE', 'migr_eipre'],
    ['create temp table if not exists memory.main.migr_eipre (a int)', 'CREATE', 'migr_eipre'],
    ["INSERT INTO crim_off_cat VALUES ('x')", 'INSERT', 'crim_off_cat'],
    ['INSERT OR REPLACE INTO crim_off_cat SELECT * FROM crim_off_cat', 'INSERT', 'crim_off_cat'],
    ["UPDATE crim_off_cat SET value = 0 WHERE geo = 'RO'", 'UPDATE', 'crim_off_cat'],
    ['WITH gone AS (SELECT 1) DELETE FROM crim_off_cat', 'DELETE', 'crim_off_cat'],
    ['TRUNCATE crim_off_cat', 'TRUNCATE', 'crim_off_cat'],
    ['truncate table my_import', 'TRUNCATE', 'my_import'],
    ["COPY crim_off_cat (geo) FROM 'x.csv'", 'COPY', 'crim_off_cat'],
    ['PREPARE p AS DELETE FROM crim_off_cat', 'DELETE', 'crim_off_cat']
  ])('%s changes a catalogue table', (sql, verb, table) => {
    expect(catalogueWrite(sql, IDS)).toEqual({ verb, table });
  });

  test.each([
    'SELECT * FROM crim_off_cat',
    'CREATE TABLE mine AS SELECT * FROM crim_off_cat',
    'INSERT INTO mine SELECT * FROM crim_off_cat',
    'DROP TABLE mine',
    "COPY crim_off_cat TO 'out.csv'",
    "SELECT 'DROP TABLE crim_off_cat' AS joke -- DELETE FROM crim_off_cat",
    '/* UPDATE crim_off_cat */ SELECT 1',
    'CREATE INDEX i ON mine (geo)',
    'SELECT "drop" FROM (SELECT 1 AS "drop") AS crim_off_cat'
  ])('%s leaves the catalogue alone', (sql) => {
    expect(catalogueWrite(sql, IDS)).toBeNull();
  });

  test('finds every statement of a script', () => {
    expect(
      writtenTables('CREATE TABLE a (x INT); INSERT INTO a VALUES (1); DROP TABLE "B"')
    ).toEqual([
      { verb: 'CREATE', table: 'a' },
      { verb: 'INSERT', table: 'a' },
      { verb: 'DROP', table: 'B' }
    ]);
  });
});
