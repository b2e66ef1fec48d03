package io.dualwrite.rewriter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InformationSchemaCatalogTest {

  @Test
  void aColumnTypeIsLowerCasedButItsMembersKeepTheirCase() {
    // the members are the text MySQL stores: lower-casing them stored 'pg' on PostgreSQL for 'PG'
    assertThat(InformationSchemaCatalog.lowerOutsideQuotes("ENUM('G','PG','NC-17')"))
        .isEqualTo("enum('G','PG','NC-17')");
    assertThat(InformationSchemaCatalog.lowerOutsideQuotes("SET('It''s','Behind The Scenes')"))
        .isEqualTo("set('It''s','Behind The Scenes')");
    assertThat(InformationSchemaCatalog.lowerOutsideQuotes("INT(10) UNSIGNED"))
        .isEqualTo("int(10) unsigned");
  }
}
