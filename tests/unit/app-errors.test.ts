// Every API error shape the app meets becomes a translated sentence, never a JSON dump.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { i18n } from '../../src/providers/i18n.ts';
import { translateError, columnOf } from '../../src/providers/error-messages.ts';
import { conditionProblem, parseCondition } from '../../src/resources/admin/workflows/condition.ts';
import { isAllowed } from '../../src/providers/permissions.ts';
import { rolesFromAccessToken } from '../../src/providers/roles.ts';

const locale = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, `../../public/locales/${name}.json`), 'utf8'));

beforeAll(async () => {
  await i18n.init({
    lng: 'zh-CN',
    resources: { 'zh-CN': { translation: locale('zh-CN') }, en: { translation: locale('en') } },
    interpolation: { escapeValue: false },
  });
});

describe('translateError', () => {
  it('translates Postgres codes, naming the column when the details say which', () => {
    expect(translateError({ code: '23505', details: 'Key (email)=(a@b.c) already exists.', message: 'duplicate key' })).toBe('数据重复：email 已存在');
    expect(translateError({ code: '42501', message: 'new row violates row-level security policy for table "business_groups"' })).toBe('没有权限执行此操作');
    expect(translateError({ code: '23514', message: 'violates check constraint' })).toBe('数据不符合规则，请检查输入');
    expect(translateError({ code: '23502', message: 'null value in column "name" of relation "x" violates not-null constraint' })).toBe('必填项未填写：name');
  });

  it('translates approval engine errors by their hint key, else by their code', () => {
    expect(translateError({ code: 'BZ003', hint: 'approval.errors.not_current_approver', message: 'you are not…' })).toBe('您不是当前步骤的审批人');
    expect(translateError({ code: 'BZ005', hint: null, message: 'x' })).toBe('该审批已完成');
  });

  it('translates auth, HTTP and network failures', () => {
    expect(translateError({ name: 'AuthApiError', code: 'invalid_credentials', message: 'Invalid login credentials', status: 400 })).toBe('邮箱或密码不正确');
    expect(translateError(new TypeError('Failed to fetch'))).toBe('网络错误，无法连接服务器');
    expect(translateError({ status: 413 })).toBe('文件太大');
    expect(translateError({ statusCode: 500, message: '{"raw":"json"}' })).toBe('服务器出错，请稍后再试');
    expect(translateError({ message: '{"code":"x"}' })).toBe('操作失败');
    expect(translateError(undefined)).toBe('操作失败');
  });

  it('follows the language', async () => {
    await i18n.changeLanguage('en');
    expect(translateError({ code: '42501' })).toBe('You are not allowed to do this');
    await i18n.changeLanguage('zh-CN');
  });

  it('reads the column out of details or message', () => {
    expect(columnOf({ details: 'Key (code)=(X) already exists.' })).toBe('code');
    expect(columnOf({ message: 'nothing here' })).toBeUndefined();
  });
});

describe('workflow step conditions', () => {
  it('accepts what the engine evaluates', () => {
    expect(parseCondition('')).toBeNull();
    expect(parseCondition('{"field": "amount", "op": ">=", "value": 100000}')).toEqual({ field: 'amount', op: '>=', value: 100000 });
    expect(conditionProblem({ any: [{ field: 'max_discount', op: '>=', value: 10 }, { field: 'kind', op: 'in', value: ['a'] }] })).toBeNull();
  });

  it('refuses what it cannot evaluate, with the reason', () => {
    expect(() => parseCondition('{amount >= 1')).toThrow();
    expect(conditionProblem([])).toBe('workflow_definitions.errors.conditionObject');
    expect(conditionProblem({ all: [] })).toBe('workflow_definitions.errors.conditionList');
    expect(conditionProblem({ field: 'Amount; drop', op: '>', value: 1 })).toBe('workflow_definitions.errors.conditionField');
    expect(conditionProblem({ field: 'amount', op: 'like', value: 1 })).toBe('workflow_definitions.errors.conditionOp');
    expect(conditionProblem({ field: 'kind', op: 'in', value: 'a' })).toBe('workflow_definitions.errors.conditionIn');
  });
});

describe('permissions', () => {
  it('gives admin pages to admins only and the workspace to everyone', () => {
    expect(isAllowed(['admin'], 'profiles', 'list')).toBe(true);
    expect(isAllowed(['dept_manager', 'general_manager'], 'profiles', 'list')).toBe(false);
    expect(isAllowed(['salesperson'], 'business_groups', 'create')).toBe(false);
    expect(isAllowed(['salesperson'], 'inbox', 'list')).toBe(true);
    expect(isAllowed([], 'unknown_resource', 'list')).toBe(false);
  });

  it('reads roles from the access token and ignores unknown ones', () => {
    const payload = Buffer.from(JSON.stringify({ app_metadata: { app_roles: ['admin', 'root'] } })).toString('base64url');
    expect(rolesFromAccessToken(`x.${payload}.y`)).toEqual(['admin']);
    expect(rolesFromAccessToken('garbage')).toEqual([]);
    expect(rolesFromAccessToken(undefined)).toEqual([]);
  });
});
