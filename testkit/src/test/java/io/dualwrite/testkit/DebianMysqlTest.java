package io.dualwrite.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebianMysqlTest {

  @Test
  void withoutAptTheMessageNamesTheStepAndTheAlternatives(@TempDir Path cache) {
    DebianMysql.Tools noApt =
        new DebianMysql.Tools(
            "/nonexistent/apt-get", "apt-cache", "dpkg-deb", Path.of("/usr/share/keyrings/x.gpg"));
    assertThatThrownBy(() -> new DebianMysql.Provisioner(cache, noApt).provision(false))
        .isInstanceOf(MysqlProvisioningException.class)
        .hasMessageContaining("step 'find /nonexistent/apt-get' failed")
        .hasMessageContaining("DUALWRITE_TEST_MYSQL_URL")
        .hasMessageContaining("-Ddualwrite.test.databases=containers");
  }

  @Test
  void withoutTheKeyringTheMessageSaysWhichPackageToInstall(@TempDir Path cache) {
    DebianMysql.Tools noKeyring =
        new DebianMysql.Tools("sh", "sh", "sh", cache.resolve("missing-keyring.gpg"));
    assertThatThrownBy(() -> new DebianMysql.Provisioner(cache, noKeyring).provision(false))
        .isInstanceOf(MysqlProvisioningException.class)
        .hasMessageContaining("step 'find Debian's archive keyring' failed")
        .hasMessageContaining("debian-archive-keyring");
  }

  @Test
  void aFailingStepReportsItsOutput(@TempDir Path cache) throws Exception {
    // "false" stands in for an apt-get that cannot reach the mirror.
    Path keyring = java.nio.file.Files.createFile(cache.resolve("keyring.gpg"));
    DebianMysql.Tools offline = new DebianMysql.Tools("false", "true", "true", keyring);
    assertThatThrownBy(() -> new DebianMysql.Provisioner(cache, offline).provision(false))
        .isInstanceOf(MysqlProvisioningException.class)
        .hasMessageContaining("step 'apt-get update (Debian sid from ")
        .hasMessageContaining("exit 1")
        .hasMessageContaining("DUALWRITE_TEST_MYSQL_MIRROR");
  }

  @Test
  void theCandidateVersionIsReadFromAptCachePolicy() {
    String policy =
        "mysql-server-core:\n  Installed: (none)\n  Candidate: 9.7.4-1\n  Version table:\n";
    assertThat(DebianMysql.Provisioner.candidateVersion(policy)).isEqualTo("9.7.4-1");
    assertThat(DebianMysql.Provisioner.candidateVersion("x:\n  Candidate: (none)\n")).isNull();
    assertThat(DebianMysql.Provisioner.candidateVersion("")).isNull();
  }

  @Test
  void theClosureKeepsRealPackagesAndDropsVirtualOnesAndPerl() {
    String depends =
        "mysql-server-core\n  Depends: libc6\n  Depends: <debconf-2.0>\nlibc6\n<debconf-2.0>\n"
            + "perl-base\nperl-modules-5.40\nlibperl5.40\nlibssl3t64\nlibc6\n";
    assertThat(DebianMysql.Provisioner.closure(depends))
        .containsExactly("libc6", "libssl3t64", "mysql-server-core");
  }

  @Test
  void theFlavorComesFromTheVersionString() {
    assertThat(MysqlFlavor.of("10.11.5-MariaDB")).isEqualTo(MysqlFlavor.MARIADB);
    assertThat(MysqlFlavor.of("9.7.4")).isEqualTo(MysqlFlavor.MYSQL);
    assertThat(MysqlFlavor.of("8.4.6")).isEqualTo(MysqlFlavor.MYSQL);
  }
}
