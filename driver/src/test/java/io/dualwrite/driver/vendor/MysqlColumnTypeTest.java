package io.dualwrite.driver.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mysql.cj.MysqlType;
import java.sql.Types;
import java.util.List;
import org.junit.jupiter.api.Test;

class MysqlColumnTypeTest {

  @Test
  void parsesInformationSchemaColumnTypes() {
    assertThat(MysqlColumnType.parse("tinyint(1)"))
        .isEqualTo(new MysqlColumnType("tinyint", 1, -1, false, List.of()));
    assertThat(MysqlColumnType.parse("int(10) unsigned"))
        .isEqualTo(new MysqlColumnType("int", 10, -1, true, List.of()));
    assertThat(MysqlColumnType.parse("bigint(20) unsigned zerofill"))
        .isEqualTo(new MysqlColumnType("bigint", 20, -1, true, List.of()));
    assertThat(MysqlColumnType.parse("decimal(10,2)"))
        .isEqualTo(new MysqlColumnType("decimal", 10, 2, false, List.of()));
    assertThat(MysqlColumnType.parse("datetime(6)"))
        .isEqualTo(new MysqlColumnType("datetime", 6, -1, false, List.of()));
    assertThat(MysqlColumnType.parse("varchar(255) CHARACTER SET utf8mb4"))
        .isEqualTo(new MysqlColumnType("varchar", 255, -1, false, List.of()));
    assertThat(MysqlColumnType.parse("JSON"))
        .isEqualTo(new MysqlColumnType("json", -1, -1, false, List.of()));
  }

  @Test
  void parsesEnumAndSetValuesWithQuotesAndCommas() {
    MysqlColumnType e = MysqlColumnType.parse("enum('a','it''s','x,y','back\\\\slash')");
    assertThat(e.name()).isEqualTo("enum");
    assertThat(e.elements()).containsExactly("a", "it's", "x,y", "back\\slash");
    assertThat(MysqlColumnType.parse("set('r','w')").elements()).containsExactly("r", "w");
    assertThat(e.columnType()).isEqualTo("enum('a','it''s','x,y','back\\slash')");
  }

  @Test
  void normalisesSynonyms() {
    assertThat(MysqlColumnType.parse("boolean").columnType()).isEqualTo("tinyint(1)");
    assertThat(MysqlColumnType.parse("BOOL").connectorType()).isEqualTo(MysqlType.BIT);
    assertThat(MysqlColumnType.parse("integer unsigned").columnType()).isEqualTo("int unsigned");
    assertThat(MysqlColumnType.parse("numeric(5,1)").columnType()).isEqualTo("decimal(5,1)");
    assertThat(MysqlColumnType.parse("double precision").name()).isEqualTo("double");
    assertThat(MysqlColumnType.parse("character varying(9)").columnType()).isEqualTo("varchar(9)");
  }

  @Test
  void rejectsTextThatIsNoType() {
    assertThatThrownBy(() -> MysqlColumnType.parse("(1)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MysqlColumnType.parse("enum('a'"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsConnectorJsViewOfEachType() {
    MysqlColumnType flag = MysqlColumnType.parse("tinyint(1)");
    assertThat(flag.jdbcType()).isEqualTo(Types.BIT);
    assertThat(flag.typeName()).isEqualTo("BIT");
    assertThat(flag.className()).isEqualTo("java.lang.Boolean");
    assertThat(flag.precision()).isEqualTo(1);
    assertThat(flag.signed()).isFalse();

    assertThat(MysqlColumnType.parse("tinyint(1) unsigned").typeName())
        .isEqualTo("TINYINT UNSIGNED");
    assertThat(MysqlColumnType.parse("int(10) unsigned").className()).isEqualTo("java.lang.Long");
    assertThat(MysqlColumnType.parse("bigint unsigned").className())
        .isEqualTo("java.math.BigInteger");
    assertThat(MysqlColumnType.parse("bigint unsigned").precision()).isEqualTo(20);
    MysqlColumnType money = MysqlColumnType.parse("decimal(10,2)");
    assertThat(money.precision()).isEqualTo(10);
    assertThat(money.resultScale()).isEqualTo(2);
    assertThat(money.signed()).isTrue();
    assertThat(MysqlColumnType.parse("double(10,2)").resultScale()).isEqualTo(2);
    assertThat(MysqlColumnType.parse("double").resultScale()).isZero();
    assertThat(MysqlColumnType.parse("float").resultScale()).isZero();
    assertThat(MysqlColumnType.parse("datetime").className()).isEqualTo("java.time.LocalDateTime");
    assertThat(MysqlColumnType.parse("datetime(3)").precision()).isEqualTo(23);
    assertThat(MysqlColumnType.parse("timestamp").className()).isEqualTo("java.sql.Timestamp");
    assertThat(MysqlColumnType.parse("year").className()).isEqualTo("java.sql.Date");
    assertThat(MysqlColumnType.parse("year").jdbcType()).isEqualTo(Types.DATE);
    assertThat(MysqlColumnType.parse("enum('ab','cde')").typeName()).isEqualTo("CHAR");
    assertThat(MysqlColumnType.parse("enum('ab','cde')").precision()).isEqualTo(3);
    assertThat(MysqlColumnType.parse("set('ab','cde')").precision()).isEqualTo(6);
    assertThat(MysqlColumnType.parse("blob").className()).isEqualTo("[B");
    assertThat(MysqlColumnType.parse("json").jdbcType()).isEqualTo(Types.LONGVARCHAR);
    assertThat(MysqlColumnType.parse("float").fractionalSecondDigits()).isZero();
    assertThat(MysqlColumnType.parse("time(6)").fractionalSecondDigits()).isEqualTo(6);
  }

  @Test
  void derivesMysqlTypesByInvertingTheRewritersMapping() {
    assertThat(MysqlColumnType.fromPostgres("int4", 10, 0).columnType()).isEqualTo("int");
    assertThat(MysqlColumnType.fromPostgres("int8", 19, 0).columnType()).isEqualTo("bigint");
    assertThat(MysqlColumnType.fromPostgres("int2", 5, 0).columnType()).isEqualTo("tinyint");
    assertThat(MysqlColumnType.fromPostgres("numeric", 20, 0).columnType())
        .isEqualTo("bigint unsigned");
    assertThat(MysqlColumnType.fromPostgres("numeric", 10, 2).columnType())
        .isEqualTo("decimal(10,2)");
    assertThat(MysqlColumnType.fromPostgres("numeric", 0, 0).columnType())
        .isEqualTo("decimal(65,30)");
    assertThat(MysqlColumnType.fromPostgres("float4", 8, 8).columnType()).isEqualTo("float");
    assertThat(MysqlColumnType.fromPostgres("float8", 17, 17).columnType()).isEqualTo("double");
    assertThat(MysqlColumnType.fromPostgres("varchar", 40, 0).columnType())
        .isEqualTo("varchar(40)");
    assertThat(MysqlColumnType.fromPostgres("text", Integer.MAX_VALUE, 0).columnType())
        .isEqualTo("text");
    assertThat(MysqlColumnType.fromPostgres("bytea", Integer.MAX_VALUE, 0).columnType())
        .isEqualTo("blob");
    assertThat(MysqlColumnType.fromPostgres("timestamp", 26, 6).columnType())
        .isEqualTo("datetime(6)");
    assertThat(MysqlColumnType.fromPostgres("timestamp", 19, 0).columnType()).isEqualTo("datetime");
    assertThat(MysqlColumnType.fromPostgres("bool", 1, 0).columnType()).isEqualTo("tinyint(1)");
    assertThat(MysqlColumnType.fromPostgres("jsonb", 0, 0).columnType()).isEqualTo("json");
    assertThat(MysqlColumnType.fromPostgres("tsvector", 0, 0)).isNull();
    assertThat(MysqlColumnType.fromPostgres(null, 0, 0)).isNull();
  }

  @Test
  void smallintOfUnknownOriginReadsAsTinyintTheCommonestSourceType() {
    MysqlColumnType t = MysqlColumnType.fromPostgres("int2", 5, 0);
    assertThat(t.typeName()).isEqualTo("TINYINT");
    assertThat(t.jdbcType()).isEqualTo(java.sql.Types.TINYINT);
    assertThat(t.className()).isEqualTo("java.lang.Integer");
  }

  @Test
  void textAndByteaExpressionsAreVarcharAndVarbinaryTableColumnsTextAndBlob() {
    assertThat(MysqlColumnType.fromPostgres("text", Integer.MAX_VALUE, 0, false).typeName())
        .isEqualTo("VARCHAR");
    assertThat(MysqlColumnType.fromPostgres("text", Integer.MAX_VALUE, 0, true).typeName())
        .isEqualTo("TEXT");
    assertThat(MysqlColumnType.fromPostgres("bytea", Integer.MAX_VALUE, 0, false).typeName())
        .isEqualTo("VARBINARY");
    assertThat(MysqlColumnType.fromPostgres("bytea", Integer.MAX_VALUE, 0, true).typeName())
        .isEqualTo("BLOB");
    assertThat(MysqlColumnType.fromPostgres("varchar", Integer.MAX_VALUE, 0, false).typeName())
        .isEqualTo("VARCHAR");
    assertThat(MysqlColumnType.fromPostgres("varchar", 20, 0, true).columnType())
        .isEqualTo("varchar(20)");
    assertThat(MysqlColumnType.fromPostgres("int4", 10, 0, false).typeName()).isEqualTo("INT");
  }
}
