import { errorCode, fieldErrors } from '../app/apollo';
import { ladderMessages } from './ladder.messages';
import { t, type MessageKey } from '../i18n/i18n';

/**
 * What went wrong, in Swedish. The API refuses a choice with BAD_USER_INPUT naming the field
 * (asOf, from, to, groupBy, filter.sector …) and a reason that starts in Swedish ("… / English"),
 * or only in English for the exact roles' few checks.
 */
export function ladderErrorMessages(error: unknown): string[] {
  const fields = fieldErrors(error);
  const names = Object.keys(fields);
  if (names.length > 0) {
    return names.map((field) => {
      const key = `ladder.error.fieldName.${field}`;
      const name = t(isMessageKey(key) ? key : 'ladder.error.fieldName.other');
      // The API's message is "<field>: <reason>".
      const message = fields[field].replace(`${field}: `, '');
      const swedish = message.includes(' / ') ? message.split(' / ')[0].trim() : null;
      const reason = swedish ?? (field === 'to' ? t('ladder.error.toBeforeFrom') : t('ladder.error.invalid'));
      return t('ladder.error.field', { field: name, reason });
    });
  }
  const code = errorCode(error);
  if (code === null) return [t('app.error.network')];
  if (code === 'RATE_LIMITED') return [t('app.error.rateLimited')];
  return [t('app.error.generic')];
}

const isMessageKey = (key: string): key is MessageKey => key in ladderMessages;
