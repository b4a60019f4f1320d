// Refine's notifications through antd's App notification API (themed, localised). Written here
// instead of @refinedev/antd's provider so the sign-in page does not load that whole package.
// Error descriptions are already translated by the data provider.
import type { NotificationProvider } from '@refinedev/core';
import { App } from 'antd';

export function useNotificationProvider(): NotificationProvider {
  const { notification } = App.useApp();
  return {
    open: ({ key, message, description, type }) => {
      const show = type === 'error' ? notification.error : notification.success;
      show({ key, message, description, placement: 'topRight' });
    },
    close: (key) => notification.destroy(key),
  };
}
