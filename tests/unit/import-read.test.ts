// Reading an uploaded file: CSV in UTF-8 with and without BOM and in GBK (papaparse), XLSX built
// with exceljs, and the refusals of empty, malformed, oversized and overlong files.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { readTableBytes, formatOf } from '../../src/components/import/read-file.ts';
import { ImportError } from '../../src/components/import/import-error.ts';
import { MAX_FILE_BYTES, MAX_ROWS } from '../../src/components/import/limits.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);
const refusal = async (p: Promise<unknown>) => {
  const error = await p.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as ImportError).key;
};

describe('CSV', () => {
  const expected = { header: ['公司名称', '城市'], rows: [['华北重工', '北京'], ['Say "hi", Ltd', '上海']], lines: [2, 3] };
  const text = '公司名称,城市\r\n华北重工,北京\r\n"Say ""hi"", Ltd",上海\r\n';

  it('reads UTF-8 with a BOM, the BOM not part of the first header', async () => {
    expect(await readTableBytes(utf8('\uFEFF' + text), 'a.csv')).toEqual(expected);
  });

  it('reads UTF-8 without a BOM, and blank lines are dropped', async () => {
    expect(await readTableBytes(utf8(text + '\r\n,\r\n'), 'a.csv')).toEqual(expected);
  });

  it('keeps the file\'s row numbers across blank lines', async () => {
    const table = await readTableBytes(utf8('名称\n\n甲\n,\n乙\n'), 'gaps.csv');
    expect(table).toEqual({ header: ['名称'], rows: [['甲'], ['乙']], lines: [3, 5] });
  });

  it('reads GBK (what Excel on a Chinese Windows saves)', async () => {
    // 名称,客户 \n 甲,乙 in GBK
    const gbk = Uint8Array.from([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xbf, 0xcd, 0xbb, 0xa7, 0x0a, 0xbc, 0xd7, 0x2c, 0xd2, 0xd2, 0x0a]);
    expect(await readTableBytes(gbk, 'gbk.csv')).toEqual({ header: ['名称', '客户'], rows: [['甲', '乙']], lines: [2] });
  });

  it('refuses an unclosed quote, naming where', async () => {
    expect(await refusal(readTableBytes(utf8('a,b\n1,"2\n3,4\n'), 'bad.csv'))).toBe('import.errors.csvQuotes');
  });

  it('refuses an empty file, a header without rows, and binary content', async () => {
    expect(await refusal(readTableBytes(new Uint8Array(), 'e.csv'))).toBe('import.errors.empty');
    expect(await refusal(readTableBytes(utf8('a,b\n'), 'h.csv'))).toBe('import.errors.noRows');
    expect(await refusal(readTableBytes(utf8('a,b\n\u0000\u0001,2\n'), 'bin.csv'))).toBe('import.errors.malformed');
  });

  it('refuses more rows than the limit and files over the size limit', async () => {
    const many = 'a\n' + '1\n'.repeat(MAX_ROWS + 1);
    expect(await refusal(readTableBytes(utf8(many), 'many.csv'))).toBe('import.errors.tooManyRows');
    expect(await refusal(readTableBytes(new Uint8Array(MAX_FILE_BYTES + 1), 'big.csv'))).toBe('import.errors.tooLarge');
  });
});

describe('XLSX', () => {
  async function workbookBytes(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('客户'));
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet as text: numbers, dates as days, formulas as results, rich text', async () => {
    const bytes = await workbookBytes((ws) => {
      ws.addRow(['公司名称', '预算', '下次跟进', '合计', '备注']);
      ws.addRow(['华北重工', 120000.5, new Date(Date.UTC(2026, 11, 24)), { formula: '1+1', result: 2 }, { richText: [{ text: '重' }, { text: '点' }] }]);
      ws.addRow([]);
      ws.addRow(['Say "hi", Ltd', null, null, null, null]);
    });
    expect(await readTableBytes(bytes, 'customers.XLSX')).toEqual({
      header: ['公司名称', '预算', '下次跟进', '合计', '备注'],
      rows: [['华北重工', '120000.5', '2026-12-24', '2', '重点'], ['Say "hi", Ltd', '', '', '', '']],
      lines: [2, 4],
    });
  });

  it('refuses a file that is not a workbook', async () => {
    expect(await refusal(readTableBytes(utf8('not a zip'), 'fake.xlsx'))).toBe('import.errors.malformed');
  });

  it('knows the formats by extension and refuses others', () => {
    expect(formatOf('a.CSV')).toBe('csv');
    expect(formatOf('a.xlsx')).toBe('xlsx');
    expect(() => formatOf('a.xls')).toThrow(ImportError);
  });
});
