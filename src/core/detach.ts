/**
 * A copy of a string that does not keep its source alive. A cell is a slice of the decoded chunk it came
 * from, and V8 keeps the whole chunk (megabytes) alive for as long as the slice lives: anything kept past
 * its row — cache keys, examples in the summary — is detached first.
 */
export function detach(text: string): string {
  return text.length < 13 ? text : Buffer.from(text, 'utf8').toString('utf8');
}
