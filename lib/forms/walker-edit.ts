// The "edit details" form of one walker, shared by the walker's own page (the manage link) and the
// organisers' dashboard: its schema, how it is read, and its messages (Register.errors).
import { formDataToObject, walkerEditSchema } from "../registrations/schema";
import { messagesOf } from "./action";

/** formAction's options for the walker edit form; each page adds who acts (`run`) and its refusals. */
export const walkerEditForm = {
  schema: walkerEditSchema,
  // A schema's own message (for input the form never sends) reads as "This field is required."
  translator: messagesOf("Register", { fallback: "errors.required" }),
  errorKey: (code: string) => `errors.${code}`,
  read: formDataToObject,
};
