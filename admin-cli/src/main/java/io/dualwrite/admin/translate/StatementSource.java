package io.dualwrite.admin.translate;

import java.io.IOException;

/** Statements read one at a time from a stream, so inputs of any size run in bounded memory. */
interface StatementSource {
  /** The next statement, or null at the end of the input. */
  SourceStatement next() throws IOException;
}
