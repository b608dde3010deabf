/**
 * A provisioning key in groups of four for typing (`JBSW Y3DP EHPK 3PXP`): what authenticator
 * apps accept with or without the spaces. Base32 is Latin letters and digits: shown LTR always.
 */
export function groupKey(key: string): string {
  return (key.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ')
}
