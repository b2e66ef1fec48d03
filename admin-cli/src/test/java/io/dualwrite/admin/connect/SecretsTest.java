package io.dualwrite.admin.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void redactUrlMasksPasswordParametersOfAnyCase() {
    assertThat(
            Secrets.redactUrl(
                "jdbc:mysql://db:3306/app?user=u&password=s3cret&useSSL=false"
                    + "&dualwrite.postgres.password=pg%26pw&PASSWORD=x"))
        .isEqualTo(
            "jdbc:mysql://db:3306/app?user=u&password=***&useSSL=false"
                + "&dualwrite.postgres.password=***&PASSWORD=***");
  }

  @Test
  void redactUrlMasksUserInfoPassword() {
    assertThat(Secrets.redactUrl("jdbc:postgresql://bob:hunter2@pg:5432/app?ssl=true"))
        .isEqualTo("jdbc:postgresql://***@pg:5432/app?ssl=true");
    assertThat(Secrets.redactUrl("jdbc:mysql://bob@db/app")).isEqualTo("jdbc:mysql://***@db/app");
  }

  @Test
  void redactUrlLeavesUrlsWithoutPasswordsAlone() {
    String url = "jdbc:mysql://db:3306/app?useSSL=false&user=u";
    assertThat(Secrets.redactUrl(url)).isEqualTo(url);
    assertThat(Secrets.redactUrl("jdbc:mysql://db/app?")).isEqualTo("jdbc:mysql://db/app?");
  }

  @Test
  void redactReplacesEveryKnownSecretIncludingThoseFoundInUrls() {
    Secrets secrets = new Secrets();
    secrets.add("topsecret");
    secrets.addFromUrl("jdbc:mysql://db/app?password=url%20pw");
    secrets.add("");
    secrets.add(null);
    assertThat(secrets.redact("a topsecret b url%20pw c url pw d"))
        .isEqualTo("a *** b *** c *** d");
  }

  @Test
  void longerSecretsAreMaskedWhole() {
    Secrets secrets = new Secrets();
    secrets.add("abc");
    secrets.add("abcdef");
    assertThat(secrets.redact("x abcdef y abc")).isEqualTo("x *** y ***");
  }
}
