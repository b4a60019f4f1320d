-- Demo department (业务部). Every demo account signs in with the password Bizdesk#2026.
-- Module issues extend this file with their records.

-- ---------------------------------------------------------------------------------------------
-- People: auth users (GoTrue's columns, bcrypt $2a$ hashes) with their email identity
-- ---------------------------------------------------------------------------------------------
create function pg_temp.add_user(uid uuid, mail text, name text, roles text) returns void
language plpgsql
as $$
begin
  insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
    raw_app_meta_data, raw_user_meta_data, created_at, updated_at, confirmation_token, recovery_token,
    email_change_token_new, email_change, is_super_admin)
  values ('00000000-0000-0000-0000-000000000000', uid, 'authenticated', 'authenticated', mail,
    current_setting('seed.password_hash'), now(),
    jsonb_build_object('provider', 'email', 'providers', jsonb_build_array('email'), 'demo_roles', roles),
    jsonb_build_object('full_name', name, 'email_verified', true), now(), now(), '', '', '', '', false);
  insert into auth.identities (provider_id, user_id, identity_data, provider, last_sign_in_at, created_at, updated_at)
  values (uid::text, uid, jsonb_build_object('sub', uid::text, 'email', mail, 'email_verified', true, 'phone_verified', false),
    'email', now(), now(), now());
end
$$;

select set_config('seed.password_hash', extensions.crypt('Bizdesk#2026', extensions.gen_salt('bf', 10)), false);

select pg_temp.add_user(id::uuid, email, name, roles) from (values
  ('10000000-0000-4000-8000-000000000001', 'gm@bizdesk.test',          '王建国', 'general_manager'),
  ('10000000-0000-4000-8000-000000000002', 'manager@bizdesk.test',     '李明华', 'dept_manager'),
  ('10000000-0000-4000-8000-000000000003', 'deputy1@bizdesk.test',     '张志强', 'deputy_manager'),
  ('10000000-0000-4000-8000-000000000004', 'deputy2@bizdesk.test',     '刘芳',   'deputy_manager'),
  ('10000000-0000-4000-8000-000000000011', 'leader.mkt@bizdesk.test',  '陈晓东', 'group_leader, salesperson'),
  ('10000000-0000-4000-8000-000000000012', 'sales1@bizdesk.test',      '赵磊',   'salesperson'),
  ('10000000-0000-4000-8000-000000000013', 'sales2@bizdesk.test',      '孙婷',   'salesperson'),
  ('10000000-0000-4000-8000-000000000014', 'merch1@bizdesk.test',      '周杰',   'merchandiser'),
  ('10000000-0000-4000-8000-000000000015', 'research1@bizdesk.test',   '吴静',   'researcher'),
  ('10000000-0000-4000-8000-000000000021', 'leader.pe@bizdesk.test',   '郑伟',   'group_leader, planner'),
  ('10000000-0000-4000-8000-000000000022', 'planner1@bizdesk.test',    '冯雪',   'planner'),
  ('10000000-0000-4000-8000-000000000023', 'sales3@bizdesk.test',      '何斌',   'salesperson'),
  ('10000000-0000-4000-8000-000000000024', 'merch2@bizdesk.test',      '马丽',   'merchandiser'),
  ('10000000-0000-4000-8000-000000000031', 'leader.cs@bizdesk.test',   '林娜',   'group_leader, cs_specialist'),
  ('10000000-0000-4000-8000-000000000032', 'cs1@bizdesk.test',         '黄涛',   'cs_specialist'),
  ('10000000-0000-4000-8000-000000000033', 'cs2@bizdesk.test',         '杨洋',   'cs_specialist'),
  ('10000000-0000-4000-8000-000000000041', 'legal@bizdesk.test',       '许文',   'legal'),
  ('10000000-0000-4000-8000-000000000042', 'hr@bizdesk.test',          '韩梅',   'hr'),
  ('10000000-0000-4000-8000-000000000043', 'finance@bizdesk.test',     '曹敏',   'finance'),
  ('10000000-0000-4000-8000-000000000044', 'archive@bizdesk.test',     '邓华',   'archivist'),
  ('10000000-0000-4000-8000-000000000099', 'admin@bizdesk.test',       '系统管理员', 'admin')
) as people(id, email, name, roles);

-- ---------------------------------------------------------------------------------------------
-- Department, profiles, groups, roles
-- ---------------------------------------------------------------------------------------------
insert into public.departments (id, name, code)
values ('20000000-0000-4000-8000-000000000001', '业务部', 'BIZ');

insert into public.profiles (id, full_name, email, title, position, phone, department_id, joined_on)
select u.id, u.raw_user_meta_data ->> 'full_name', u.email, p.title, p.position, p.phone,
       '20000000-0000-4000-8000-000000000001', p.joined::date
  from auth.users u
  join (values
    ('gm@bizdesk.test',         '总经理',       '公司领导',     '13800000001', '2015-03-01'),
    ('manager@bizdesk.test',    '业务部经理',   '部门经理',     '13800000002', '2017-06-12'),
    ('deputy1@bizdesk.test',    '业务部副经理', '副经理',       '13800000003', '2018-02-20'),
    ('deputy2@bizdesk.test',    '业务部副经理', '副经理',       '13800000004', '2019-09-02'),
    ('leader.mkt@bizdesk.test', '市场营销组组长', '组长',       '13800000011', '2019-04-15'),
    ('sales1@bizdesk.test',     '销售代表',     '业务员',       '13800000012', '2021-07-01'),
    ('sales2@bizdesk.test',     '销售代表',     '业务员',       '13800000013', '2022-03-14'),
    ('merch1@bizdesk.test',     '跟单员',       '跟单员',       '13800000014', '2022-08-08'),
    ('research1@bizdesk.test',  '市场调研专员', '市场调研专员', '13800000015', '2023-02-27'),
    ('leader.pe@bizdesk.test',  '项目执行组组长', '组长',       '13800000021', '2018-11-05'),
    ('planner1@bizdesk.test',   '项目策划',     '项目策划',     '13800000022', '2021-10-18'),
    ('sales3@bizdesk.test',     '销售代表',     '业务员',       '13800000023', '2023-05-22'),
    ('merch2@bizdesk.test',     '跟单员',       '跟单员',       '13800000024', '2024-01-08'),
    ('leader.cs@bizdesk.test',  '客户服务组组长', '组长',       '13800000031', '2019-12-09'),
    ('cs1@bizdesk.test',        '客户服务专员', '客户服务专员', '13800000032', '2022-06-20'),
    ('cs2@bizdesk.test',        '客户服务专员', '客户服务专员', '13800000033', '2024-04-01'),
    ('legal@bizdesk.test',      '法务专员',     '法务',         '13800000041', '2018-05-16'),
    ('hr@bizdesk.test',         '人力资源专员', '人力资源',     '13800000042', '2019-01-07'),
    ('finance@bizdesk.test',    '财务专员',     '财务',         '13800000043', '2017-09-25'),
    ('archive@bizdesk.test',    '档案管理员',   '档案室',       '13800000044', '2020-03-30'),
    ('admin@bizdesk.test',      '系统管理员',   '系统管理员',   '13800000099', '2020-01-02')
  ) as p(email, title, position, phone, joined) on p.email = u.email;

insert into public.business_groups (id, department_id, name, group_type, leader_id, deputy_id) values
  ('30000000-0000-4000-8000-000000000001', '20000000-0000-4000-8000-000000000001', '市场营销组', 'marketing',
   '10000000-0000-4000-8000-000000000011', '10000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000002', '20000000-0000-4000-8000-000000000001', '项目执行组', 'project_execution',
   '10000000-0000-4000-8000-000000000021', '10000000-0000-4000-8000-000000000003'),
  ('30000000-0000-4000-8000-000000000003', '20000000-0000-4000-8000-000000000001', '客户服务组', 'customer_service',
   '10000000-0000-4000-8000-000000000031', '10000000-0000-4000-8000-000000000004');

-- Group membership and line managers: members report to their leader, leaders to their deputy,
-- deputies and company functions to the department manager, who reports to the general manager.
update public.profiles p set group_id = g.id, manager_id = case when p.id = g.leader_id then g.deputy_id else g.leader_id end
  from public.business_groups g
 where (g.id = '30000000-0000-4000-8000-000000000001' and p.email in ('leader.mkt@bizdesk.test', 'sales1@bizdesk.test', 'sales2@bizdesk.test', 'merch1@bizdesk.test', 'research1@bizdesk.test'))
    or (g.id = '30000000-0000-4000-8000-000000000002' and p.email in ('leader.pe@bizdesk.test', 'planner1@bizdesk.test', 'sales3@bizdesk.test', 'merch2@bizdesk.test'))
    or (g.id = '30000000-0000-4000-8000-000000000003' and p.email in ('leader.cs@bizdesk.test', 'cs1@bizdesk.test', 'cs2@bizdesk.test'));
update public.profiles set manager_id = '10000000-0000-4000-8000-000000000002'
 where email in ('deputy1@bizdesk.test', 'deputy2@bizdesk.test', 'legal@bizdesk.test', 'hr@bizdesk.test',
                 'finance@bizdesk.test', 'archive@bizdesk.test', 'admin@bizdesk.test');
update public.profiles set manager_id = '10000000-0000-4000-8000-000000000001' where email = 'manager@bizdesk.test';

insert into public.user_roles (user_id, role)
select u.id, trim(r)::public.app_role
  from auth.users u, unnest(string_to_array(u.raw_app_meta_data ->> 'demo_roles', ',')) r
 where u.raw_app_meta_data ? 'demo_roles';

-- ---------------------------------------------------------------------------------------------
-- Workflows (admins edit them as data). Record types register themselves as their modules land.
-- ---------------------------------------------------------------------------------------------
insert into public.workflow_definitions (id, record_type, name, description) values
  ('40000000-0000-4000-8000-000000000001', 'contract', '合同审批', '部门经理审核 → 法务审核；超过一百万元由总经理审批'),
  ('40000000-0000-4000-8000-000000000002', 'quotation', '报价审批', '折扣 ≥ 10% 或金额 ≥ 20 万元需组长审批；≥ 50 万元再由部门经理审批'),
  ('40000000-0000-4000-8000-000000000003', 'leave_request', '请假审批', '组长审批；超过 3 天再由部门经理审批'),
  ('40000000-0000-4000-8000-000000000004', 'project', '项目立项', '部门经理审核 → 总经理审批'),
  ('40000000-0000-4000-8000-000000000005', 'document_access', '机密文档查阅', '部门经理审批');

insert into public.workflow_steps (workflow_id, step_no, name, approver_rule, approver_role, mode, condition, record_status) values
  ('40000000-0000-4000-8000-000000000001', 1, '部门经理审核', 'dept_manager', null, 'any', null, 'manager_review'),
  ('40000000-0000-4000-8000-000000000001', 2, '法务审核', 'role', 'legal', 'any', null, 'legal_review'),
  ('40000000-0000-4000-8000-000000000001', 3, '总经理审批', 'role', 'general_manager', 'any',
   '{"field": "amount", "op": ">=", "value": 1000000}', 'gm_review'),
  ('40000000-0000-4000-8000-000000000002', 1, '组长审批', 'group_leader', null, 'any',
   '{"any": [{"field": "max_discount", "op": ">=", "value": 10}, {"field": "total_amount", "op": ">=", "value": 200000}]}', null),
  ('40000000-0000-4000-8000-000000000002', 2, '部门经理审批', 'dept_manager', null, 'any',
   '{"field": "total_amount", "op": ">=", "value": 500000}', null),
  ('40000000-0000-4000-8000-000000000003', 1, '组长审批', 'group_leader', null, 'any', null, null),
  ('40000000-0000-4000-8000-000000000003', 2, '部门经理审批', 'dept_manager', null, 'any',
   '{"field": "days", "op": ">", "value": 3}', null),
  ('40000000-0000-4000-8000-000000000004', 1, '部门经理审核', 'dept_manager', null, 'any', null, null),
  ('40000000-0000-4000-8000-000000000004', 2, '总经理审批', 'role', 'general_manager', 'any', null, null),
  ('40000000-0000-4000-8000-000000000005', 1, '部门经理审批', 'dept_manager', null, 'any', null, null);
