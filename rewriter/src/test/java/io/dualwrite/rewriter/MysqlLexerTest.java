package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MysqlLexerTest {

  private static MysqlLexer.Result lex(String sql) throws MysqlLexer.LexException {
    return MysqlLexer.normalize(sql);
  }

  @Test
  void stringsBecomeOneCanonicalForm() throws Exception {
    assertThat(lex("SELECT \"a'b\", 'c\\'d', 'e''f', 'g\\\\h'").sql())
        .isEqualTo("SELECT 'a''b', 'c''d', 'e''f', 'g\\\\h'");
    assertThat(MysqlLexer.decodeCanonical("g\\\\h")).isEqualTo("g\\h");
    assertThat(MysqlLexer.decodeCanonical("e''f")).isEqualTo("e'f");
  }

  @Test
  void escapesDecodeAsMysqlDefines() {
    String body = "a\\nb\\tc\\0d\\Ze\\%f\\_g\\qh";
    assertThat(MysqlLexer.decodeMysql(body, 0, body.length(), '\''))
        .isEqualTo("a\nb\tc\0d\u001ae\\%f\\_gqh");
  }

  @Test
  void parametersAreCountedOutsideStringsAndComments() throws Exception {
    assertThat(lex("SELECT ?, '?', \"?\", `?` /* ? */ # ?\n, ? -- ?").parameterCount())
        .isEqualTo(2);
    assertThat(lex("SELECT 1 /*!50000 , ? */").parameterCount()).isEqualTo(1);
  }

  @Test
  void versionCommentContentIsKeptAndHintsDropped() throws Exception {
    assertThat(
            lex("SELECT /*+ MAX_EXECUTION_TIME(10) */ a /*!40001 , b */ FROM t")
                .sql()
                .split("\\s+"))
        .containsExactly("SELECT", "a", ",", "b", "FROM", "t");
  }

  @Test
  void versionCommentsNewerThanMysql84AreSkipped() throws Exception {
    assertThat(lex("SELECT 1 /*!99999 + 100 */ AS one").sql().split("\\s+"))
        .containsExactly("SELECT", "1", "AS", "one");
    assertThat(lex("SELECT 1 /*!80400 + 100 */").sql().split("\\s+"))
        .containsExactly("SELECT", "1", "+", "100");
    assertThat(lex("SELECT 1 /*!80401 + 100 */").sql().split("\\s+"))
        .containsExactly("SELECT", "1");
    // fewer than five digits are not a version: they are content
    assertThat(lex("SELECT 1 /*!12 + 100 */").sql().split("\\s+"))
        .containsExactly("SELECT", "1", "12", "+", "100");
    assertThat(lex("SELECT 1 /*!99999 , ? */").parameterCount()).isZero();
  }

  @Test
  void versionCommentWithSixDigitsIsRefused() {
    Translation t = Rewriter.builder().build().translate("SELECT 1 /*!100000 + 1 */");
    assertThat(t.isRefused()).isTrue();
    assertThat(t.refusal().code()).isEqualTo("unsupported-syntax:versioned-comment");
  }

  @Test
  void introducersAreDropped() throws Exception {
    assertThat(lex("SELECT _utf8mb4'x', N'y', _latin1 'z'").sql())
        .isEqualTo("SELECT 'x', 'y', _latin1 'z'");
  }

  @Test
  void hexLiteralsAreNormalised() throws Exception {
    assertThat(lex("SELECT 0xABC, 10x, a0x1").sql()).isEqualTo("SELECT X'0ABC', 10x, a0x1");
  }

  @Test
  void unterminatedInputIsAnError() {
    assertThatThrownBy(() -> lex("SELECT 'abc")).isInstanceOf(MysqlLexer.LexException.class);
    assertThatThrownBy(() -> lex("SELECT /* abc")).isInstanceOf(MysqlLexer.LexException.class);
    assertThatThrownBy(() -> lex("SELECT `abc")).isInstanceOf(MysqlLexer.LexException.class);
  }

  @Test
  void identifiersFoldAndQuoteOnlyWhenNeeded() {
    assertThat(Identifiers.pg("`Users`")).isEqualTo("users");
    assertThat(Identifiers.pg("`user`")).isEqualTo("\"user\"");
    assertThat(Identifiers.pg("`my col`")).isEqualTo("\"my col\"");
    assertThat(Identifiers.pg("`1abc`")).isEqualTo("\"1abc\"");
    assertThat(Identifiers.pg("status")).isEqualTo("status");
  }
}
