// Phone numbers are stored in E.164. Trinidad and Tobago numbers may be typed as 7 local digits
// ("620 1234") or with the country code ("+1 868 620 1234", "1-868-620-1234", "(868) 620-1234").
// Other countries' numbers are accepted when written with "+" and their country code.

/** The number in E.164 (+1868XXXXXXX for Trinidad and Tobago), or null if it is not a phone number. */
export function normalisePhone(raw: string): string | null {
  const trimmed = raw.trim();
  if (!/^[+\d\s().-]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, "");
  const international = trimmed.startsWith("+");
  if (!international) {
    if (digits.length === 7) return `+1868${digits}`;
    if (digits.length === 10 && digits.startsWith("868")) return `+1${digits}`;
    if (digits.length === 11 && digits.startsWith("1868")) return `+${digits}`;
    return null;
  }
  if (digits.startsWith("1868")) return digits.length === 11 ? `+${digits}` : null;
  // Other countries: 8 to 15 digits including the country code (ITU-T E.164).
  if (digits.length < 8 || digits.length > 15 || digits.startsWith("0")) return null;
  return `+${digits}`;
}
