// Every resource of the app, declared once: name = table (or a page key), menu group (meta.parent),
// menu label (an i18n key), icon and routes. Module resources are added here as modules land.
import type { ResourceProps } from '@refinedev/core';
import {
  ApartmentOutlined, AppstoreOutlined, BellOutlined, BranchesOutlined, CheckSquareOutlined, HomeOutlined,
  SettingOutlined, TeamOutlined, UserOutlined, ContactsOutlined, FileTextOutlined, ShopOutlined, TagsOutlined,
  AuditOutlined, FileProtectOutlined, AccountBookOutlined, FolderOpenOutlined, FileSearchOutlined, ReadOutlined,
  IdcardOutlined, SafetyCertificateOutlined, SwapOutlined,
  TableOutlined,
} from '@ant-design/icons';

export const resources: ResourceProps[] = [
  { name: 'workspace', meta: { label: 'menu.workspace', icon: <AppstoreOutlined /> } },
  { name: 'home', list: '/', meta: { parent: 'workspace', label: 'home.title', icon: <HomeOutlined /> } },
  { name: 'inbox', list: '/inbox', meta: { parent: 'workspace', label: 'inbox.title', icon: <CheckSquareOutlined /> } },
  {
    name: 'notifications',
    list: '/notifications',
    meta: { parent: 'workspace', label: 'notifications.title', icon: <BellOutlined /> },
  },
  { name: 'profile', list: '/profile', meta: { parent: 'workspace', label: 'profile.title', icon: <UserOutlined /> } },

  // Customers and sales (supabase/migrations/20261123001000_customers.sql, …001100_quotations.sql).
  { name: 'sales', meta: { label: 'menu.sales', icon: <ShopOutlined /> } },
  {
    name: 'customers',
    list: '/customers',
    create: '/customers/create',
    edit: '/customers/edit/:id',
    show: '/customers/show/:id',
    meta: { parent: 'sales', label: 'customers.title', icon: <ContactsOutlined /> },
  },
  {
    name: 'quotations',
    list: '/quotations',
    create: '/quotations/create',
    edit: '/quotations/edit/:id',
    show: '/quotations/show/:id',
    meta: { parent: 'sales', label: 'quotations.title', icon: <FileTextOutlined /> },
  },
  {
    name: 'products',
    list: '/products',
    create: '/products/create',
    edit: '/products/edit/:id',
    meta: { parent: 'sales', label: 'products.title', icon: <TagsOutlined /> },
  },

  // Contracts and receivables (supabase/migrations/20261123002000_contracts.sql, …002100_receivables.sql).
  { name: 'contracts_menu', meta: { label: 'menu.contracts', icon: <AuditOutlined /> } },
  {
    name: 'contracts',
    list: '/contracts',
    create: '/contracts/create',
    edit: '/contracts/edit/:id',
    show: '/contracts/show/:id',
    meta: { parent: 'contracts_menu', label: 'contracts.title', icon: <FileProtectOutlined /> },
  },
  { name: 'receivables', list: '/receivables', meta: { parent: 'contracts_menu', label: 'receivables.title', icon: <AccountBookOutlined /> } },

  // Document library (supabase/migrations/20261123003000_documents.sql … 003300).
  { name: 'documents_menu', meta: { label: 'menu.documents', icon: <FolderOpenOutlined /> } },
  {
    name: 'documents',
    list: '/documents',
    show: '/documents/show/:id',
    meta: { parent: 'documents_menu', label: 'documents.title', icon: <FileSearchOutlined /> },
  },
  { name: 'document_loans', list: '/documents/loans', meta: { parent: 'documents_menu', label: 'document_loans.title', icon: <ReadOutlined /> } },
  // Confidentiality agreements and departure handovers (…003100_document_access.sql, …003200_handover.sql).
  { name: 'hr_menu', meta: { label: 'menu.hr', icon: <IdcardOutlined /> } },
  {
    name: 'confidentiality_agreements',
    list: '/hr/agreements',
    meta: { parent: 'hr_menu', label: 'agreements.title', icon: <SafetyCertificateOutlined /> },
  },
  { name: 'handovers', list: '/handovers', show: '/handovers/:id', meta: { parent: 'hr_menu', label: 'handovers.title', icon: <SwapOutlined /> } },

  { name: 'admin', meta: { label: 'menu.admin', icon: <SettingOutlined /> } },
  {
    name: 'profiles',
    list: '/admin/users',
    create: '/admin/users/create',
    edit: '/admin/users/edit/:id',
    meta: { parent: 'admin', label: 'profiles.title', icon: <TeamOutlined /> },
  },
  {
    name: 'business_groups',
    list: '/admin/groups',
    create: '/admin/groups/create',
    edit: '/admin/groups/edit/:id',
    meta: { parent: 'admin', label: 'business_groups.title', icon: <ApartmentOutlined /> },
  },
  {
    name: 'workflow_definitions',
    list: '/admin/workflows',
    create: '/admin/workflows/create',
    edit: '/admin/workflows/edit/:id',
    meta: { parent: 'admin', label: 'workflow_definitions.title', icon: <BranchesOutlined /> },
  },
  // The table editor (src/resources/data): any table of the exposed schema as a spreadsheet.
  { name: 'table_data', list: '/admin/data', show: '/admin/data/:table', meta: { parent: 'admin', label: 'table_editor.title', icon: <TableOutlined /> } },
];
