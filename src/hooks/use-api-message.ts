// Shows an API error (or a success) as a translated antd message, never a raw JSON dump.
import { App } from 'antd';
import { translateError } from '../providers/error-messages.ts';

export function useApiMessage() {
  const { message } = App.useApp();
  return {
    error: (error: unknown) => void message.error(translateError(error)),
    success: (text: string) => void message.success(text),
  };
}
