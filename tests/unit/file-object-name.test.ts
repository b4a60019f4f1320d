// Object names for uploaded files: Storage's S3-safe keys, with every name (Chinese included)
// shown back exactly as it was.
import { describe, expect, it } from 'vitest';
import { displayName, toObjectName } from '../../src/components/file-upload/object-name.ts';

const SAFE_KEY = /^[A-Za-z0-9_/!.*'() &$=@;:+,?-]*$/;

describe('file object names', () => {
  it('keeps a safe ASCII name as it is', () => {
    expect(toObjectName('contract-v2 (final).pdf')).toBe('contract-v2 (final).pdf');
    expect(displayName('contract-v2 (final).pdf')).toBe('contract-v2 (final).pdf');
  });

  it.each(['修改意见.txt', '合同草稿 v3（法务批注）.docx', 'résumé.PDF', 'no-extension-名字', 'b64-looks-encoded.txt', 'a/b\\c.txt', '报价单.tar.gz'])(
    'stores %s under a safe key and shows it back unchanged', (name) => {
      const key = toObjectName(name);
      expect(key).toMatch(SAFE_KEY);
      expect(key).not.toContain('/');
      expect(displayName(key)).toBe(name);
    });

  it('keeps an ASCII extension visible, so type checks by extension still work', () => {
    expect(toObjectName('修改意见.txt')).toMatch(/^b64-[A-Za-z0-9_-]+\.txt$/);
  });
});
