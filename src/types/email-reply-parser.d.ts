/** Types for email-reply-parser 2.1 (the last CommonJS release that runs on Node 20; it ships none). */
declare module 'email-reply-parser' {
  export default class EmailReplyParser {
    /** The reply without quoted text and signatures. */
    parseReply(text: string): string;
    /** The quoted part. */
    parseReplied(text: string): string;
  }
}
