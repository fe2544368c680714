// Server actions can be called by anyone with any arguments (the action id is public). A call that
// does not pass a form is treated as an empty form: the caller gets the form's field errors, not a 500.
export function asFormData(value: unknown): FormData {
  return value instanceof FormData ? value : new FormData();
}
