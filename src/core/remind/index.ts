export * from "./types";
export { collectRemindItems, sortItems, ITEM_TEXT_MAX, type CollectInput } from "./collect";
export { remindFields, type RemindFields } from "./fields";
export {
  contactBook,
  contactOf,
  normalizeMobile,
  EMPTY_CONTACTS,
  type ContactBook,
  type ContactEntry,
  type ContactPlace,
} from "./contacts";
export { SIZE_LIMITS, WECOM_TEXT_BYTES, utf8Bytes } from "./limits";
export {
  digestText,
  emailMessages,
  groupByOwner,
  itemLine,
  messageDate,
  ownerEmail,
  robotMessages,
  type EmailMessage,
  type OwnerGroup,
  type RenderOptions,
  type RobotMessage,
} from "./render";
export {
  emptyState,
  itemKey,
  KEEP_DAYS,
  parseState,
  pendingItems,
  recordSent,
  remindStateSchema,
  STATE_VERSION,
  type RemindState,
} from "./state";
export { workbookReminder, mailtoUrl, type OwnerDraft, type WorkbookReminder } from "./workbook";
