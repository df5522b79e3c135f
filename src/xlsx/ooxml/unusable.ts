/** Why a file cannot be used, said in one line (Chinese and English). */
export class UnusableFile extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(zh);
  }
}
