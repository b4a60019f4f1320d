// The attachments bucket: own files under users/<uid>/, record files under <record_type>/<id>/
// readable and addable by whoever can read the record, by that table's RLS.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStack, type TestStack } from '../helpers/stack.ts';
import { demoPeople } from '../helpers/demo.ts';

let t: TestStack;
let as: ReturnType<typeof demoPeople>;
beforeAll(async () => {
  t = await startTestStack();
  as = demoPeople(t);
});
afterAll(() => t?.close());

const file = (text: string) => new Blob([text], { type: 'text/plain' });

describe('attachments bucket', () => {
  it('people keep their own files; others can neither read nor write them', async () => {
    const sales1 = await as('sales1');
    const sales2 = await as('sales2');
    const own = await sales1.client.storage.from('attachments').upload(`users/${sales1.id}/cv.txt`, file('mine'));
    expect(own.error).toBeNull();
    const intoOther = await sales1.client.storage.from('attachments').upload(`users/${sales2.id}/x.txt`, file('x'));
    expect(intoOther.error).not.toBeNull();
    const peek = await sales2.client.storage.from('attachments').download(`users/${sales1.id}/cv.txt`);
    expect(peek.error).not.toBeNull();
    const listed = await sales2.client.storage.from('attachments').list(`users/${sales1.id}`);
    expect(listed.data).toEqual([]);
    const back = await sales1.client.storage.from('attachments').download(`users/${sales1.id}/cv.txt`);
    expect(await back.data!.text()).toBe('mine');
  });

  it('record files follow the record: scope reads and adds, another group does not', async () => {
    const sales1 = await as('sales1');
    const { data: q } = await t.admin().from('quotations').select('id').eq('owner_id', sales1.id).limit(1).single();
    const path = `quotation/${q!.id}/spec.txt`;
    const up = await sales1.client.storage.from('attachments').upload(path, file('规格'));
    expect(up.error).toBeNull();
    const leader = await as('leaderMkt');
    const read = await leader.client.storage.from('attachments').download(path);
    expect(await read.data!.text()).toBe('规格');
    const cs1 = await as('cs1');
    expect((await cs1.client.storage.from('attachments').download(path)).error).not.toBeNull();
    const add = await cs1.client.storage.from('attachments').upload(`quotation/${q!.id}/evil.txt`, file('x'));
    expect(add.error).not.toBeNull();
    const unknownType = await sales1.client.storage.from('attachments').upload(`nothing/${q!.id}/x.txt`, file('x'));
    expect(unknownType.error).not.toBeNull();
    // Only the uploader removes a record's file.
    const leaderDelete = await leader.client.storage.from('attachments').remove([path]);
    expect(leaderDelete.data).toEqual([]);
    const ownDelete = await sales1.client.storage.from('attachments').remove([path]);
    expect(ownDelete.data).toHaveLength(1);
  });
});
