#!/usr/bin/env python3
"""BenchBase through dualwrite: build, run, verify, report.

Runs the CMU BenchBase sample workloads (MySQL profile) raw on MySQL, raw on PostgreSQL and
through the dualwrite driver, checks after each dualwrite run that both databases hold the same
rows (`dualwrite-admin verify`) and what the driver recorded (`dualwrite-admin discrepancies`),
and writes a Markdown report. See README.md next to this file. Python 3 standard library only.
"""

import argparse
import datetime
import fcntl
import glob
import json
import os
import random
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
RESULTS_MD = os.path.join(REPO, "benchmarks", "RESULTS.md")

BENCHMARKS = [
    "tpcc", "twitter", "seats", "wikipedia", "auctionmark", "epinions",
    "smallbank", "sibench", "ycsb", "tatp", "resourcestresser", "voter",
]
# mode -> (description, dualwrite properties or None for a raw run, side for raw runs)
MODES = {
    "mysql": ("raw MySQL", None, "mysql"),
    "pg": ("raw PostgreSQL", None, "pg"),
    # raw PostgreSQL with the statement-level rollback dualwrite gives its PostgreSQL side
    # (config/DualWriteConfig.POSTGRES_DEFAULTS): what that costs the server, apart from the driver
    "pgautosave": ("raw PostgreSQL autosave=always", None, "pg"),
    "dual": ("DUAL_WRITE readPercent 0",
             {"dualwrite.phase": "DUAL_WRITE", "dualwrite.readPercent": "0",
              "dualwrite.comparePercent": "0"}, None),
    "dualserial": ("DUAL_WRITE readPercent 0 overlapMirror false",
                   {"dualwrite.phase": "DUAL_WRITE", "dualwrite.readPercent": "0",
                    "dualwrite.comparePercent": "0", "dualwrite.overlapMirror": "false"}, None),
    "dualread": ("DUAL_WRITE readPercent 100 comparePercent 10",
                 {"dualwrite.phase": "DUAL_WRITE", "dualwrite.readPercent": "100",
                  "dualwrite.comparePercent": "10"}, None),
    "pgprimary": ("PG_PRIMARY readPercent 100",
                  {"dualwrite.phase": "PG_PRIMARY", "dualwrite.readPercent": "100",
                   "dualwrite.comparePercent": "0"}, None),
}
ISOLATIONS = {
    "serializable": "TRANSACTION_SERIALIZABLE",
    "repeatable-read": "TRANSACTION_REPEATABLE_READ",
    "read-committed": "TRANSACTION_READ_COMMITTED",
    "read-uncommitted": "TRANSACTION_READ_UNCOMMITTED",
}
ISOLATION_ALIASES = {"rc": "read-committed", "rr": "repeatable-read", "ru": "read-uncommitted",
                     "ser": "serializable"}

# The Connector/J options of BenchBase's MySQL sample configs, kept as a new user would.
MYSQL_URL_OPTIONS = "rewriteBatchedStatements=true&allowPublicKeyRetrieval=True&sslMode=DISABLED"


def log(msg):
    print(f"[benchbase {datetime.datetime.utcnow():%H:%M:%S}] {msg}", file=sys.stderr, flush=True)


def die(msg):
    log("error: " + msg)
    sys.exit(2)


class HeavyLock:
    """The machine-wide lock every heavy command takes (flock(2), as flock(1) does)."""

    def __init__(self, path):
        self.path = path
        self.fd = None

    def __enter__(self):
        if self.path:
            self.fd = open(self.path, "a")
            t0 = time.time()
            fcntl.flock(self.fd, fcntl.LOCK_EX)
            waited = time.time() - t0
            if waited > 1:
                log(f"waited {waited:.0f} s for {self.path}")
        return self

    def __exit__(self, *exc):
        if self.fd:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            self.fd.close()
            self.fd = None


def run(cmd, log_path=None, timeout=None, env=None, cwd=None, check=True, on_timeout=None):
    """Runs cmd (a list); returns (rc, seconds, output). On timeout calls on_timeout(pid) first."""
    t0 = time.time()
    out = open(log_path, "w") if log_path else subprocess.PIPE
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd,
                            start_new_session=True, text=True)
    try:
        stdout, _ = proc.communicate(timeout=timeout)
        rc = proc.returncode
    except subprocess.TimeoutExpired:
        if on_timeout:
            on_timeout(proc.pid)
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, _ = proc.communicate()
        rc = "timeout"
    if log_path:
        out.close()
        with open(log_path, errors="replace") as f:
            stdout = f.read()
    secs = time.time() - t0
    if check and rc != 0:
        die(f"{' '.join(map(shlex.quote, cmd))} exited {rc}:\n{stdout[-3000:]}")
    return rc, secs, stdout


# ---------------------------------------------------------------------------------------------
# Builds


def find_java25():
    cands = sorted(glob.glob("/usr/lib/jvm/temurin-2[3-9]*")) + sorted(
        glob.glob("/usr/lib/jvm/*-2[3-9]*"))
    for c in cands:
        if os.path.exists(os.path.join(c, "bin", "java")):
            return c
    die("BenchBase needs JDK 23+: none under /usr/lib/jvm (set --java-home)")


def benchbase_dist(src):
    return os.path.join(src, "target", "benchbase-mysql")


def build_benchbase(args, lock):
    src = args.benchbase_src
    if not os.path.isdir(src):
        if not args.benchbase_git:
            die(f"no BenchBase source at {src}; give --benchbase-git GIT_DIR_OR_URL to get it")
        log(f"getting BenchBase from {args.benchbase_git} into {src}")
        os.makedirs(src)
        git = args.benchbase_git
        if os.path.isdir(git):
            # a bare mirror: its large data/ files may be absent; BenchBase does not need them
            # for the 12 benchmarks here (twitter's trace files are generated, see twitter_traces)
            archive = subprocess.Popen(["git", "--git-dir", git, "archive", "HEAD", "--", ".",
                                        ":(exclude)data"], stdout=subprocess.PIPE)
            subprocess.run(["tar", "-x", "-C", src], stdin=archive.stdout, check=True)
            if archive.wait() != 0:
                die("git archive failed")
            with open(os.path.join(src, ".benchbase-commit"), "w") as f:
                f.write(git_out("--git-dir", git, "rev-parse", "HEAD") + "\n")
        else:
            run(["git", "clone", "--depth", "1", git, src])
    jar = os.path.join(benchbase_dist(src), "benchbase.jar")
    if os.path.exists(jar) and not args.rebuild:
        log(f"BenchBase already built: {jar}")
        return 0.0
    pom = os.path.join(src, "pom.xml")
    with open(pom) as f:
        text = f.read()
    # BenchBase compiles with -Xlint:all -Werror; newer JDKs add warnings: drop -Werror in this copy
    text2 = re.sub(r"\s*<arg>-Werror</arg>", "", text)
    if text2 != text:
        with open(pom, "w") as f:
            f.write(text2)
        log("dropped -Werror from " + pom)
    env = dict(os.environ, JAVA_HOME=args.java_home)
    # fmt-maven-plugin (google-java-format 1.24) fails on JDK 25; the git plugin needs no .git
    cmd = ["mvn", "-B", "-q", "package", "-P", "mysql", "-DskipTests", "-Dfmt.skip",
           "-Dmaven.gitcommitid.skip=true"]
    log(f"building BenchBase in {src}: JAVA_HOME={args.java_home} {' '.join(cmd)}")
    with lock:
        _, secs, _ = run(cmd, cwd=src, env=env, log_path=os.path.join(args.state, "build-benchbase.log"))
    tgz = os.path.join(src, "target", "benchbase-mysql.tgz")
    shutil.rmtree(benchbase_dist(src), ignore_errors=True)
    run(["tar", "xzf", tgz, "-C", os.path.join(src, "target")])
    log(f"BenchBase built in {secs:.0f} s: {jar}")
    return secs


def build_dualwrite(args, lock):
    jar = os.path.join(REPO, "admin-cli", "target", "dualwrite-admin.jar")
    if args.no_build:
        if not os.path.exists(jar):
            die(f"{jar} missing and --no-build given")
        return 0.0
    cmd = ["mvn", "-B", "-q", "package", "-DskipTests"]
    log(f"building dualwrite in {REPO}: {' '.join(cmd)}")
    with lock:
        _, secs, _ = run(cmd, cwd=REPO, log_path=os.path.join(args.state, "build-dualwrite.log"))
    log(f"dualwrite built in {secs:.0f} s")
    return secs


def classpath(args):
    """BenchBase's jar and libs, without its own MySQL driver, then dualwrite-admin.jar.

    dualwrite-admin.jar is not a fat jar: its manifest Class-Path names admin-cli/target/lib/*,
    which the JVM follows, bringing the driver, mysql-connector-j and pgjdbc. BenchBase's
    mysql-connector-java 8.0.30 is left out so that raw MySQL runs and dualwrite runs use the same
    Connector/J (the one dualwrite wraps), and raw PostgreSQL runs use the same pgjdbc (the MySQL
    profile of BenchBase carries no PostgreSQL driver). The kept libs are linked into one folder
    of the state dir so that the command stays short: STATE/benchbase-lib/*.
    """
    dist = benchbase_dist(args.benchbase_src)
    libdir = os.path.join(args.state, "benchbase-lib")
    shutil.rmtree(libdir, ignore_errors=True)
    os.makedirs(libdir)
    for j in sorted(glob.glob(os.path.join(dist, "lib", "*.jar"))):
        if not re.search(r"/(mysql-connector|postgresql-)[^/]*\.jar$", j):
            os.symlink(j, os.path.join(libdir, os.path.basename(j)))
    jar = os.path.join(REPO, "admin-cli", "target", "dualwrite-admin.jar")
    return ":".join([os.path.join(dist, "benchbase.jar"), os.path.join(libdir, "*"), jar])


# ---------------------------------------------------------------------------------------------
# Databases


def as_db_user(user, cmd):
    if os.geteuid() == 0:
        return ["runuser", "-u", user, "--"] + cmd
    return cmd


def pg_bin(name):
    for d in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.path.exists(os.path.join(d, name)):
            return os.path.join(d, name)
    die(f"PostgreSQL's {name} not found: apt-get install -y postgresql")


def mysql_cli(args, sql, database=None):
    cmd = [mysql_client(), "-h", args.my_host, "-P",
           str(args.my_port), "-u", args.db_user, "--batch", "--skip-column-names", "-e", sql]
    if database:
        cmd.append(database)
    env = dict(os.environ, MYSQL_PWD=args.db_password)
    return run(cmd, env=env)[2]


def psql(args, sql, database="postgres"):
    cmd = ["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", args.pg_host, "-p",
           str(args.pg_port), "-U", args.db_user, "-d", database, "-tAc", sql]
    env = dict(os.environ, PGPASSWORD=args.db_password)
    return run(cmd, env=env)[2]


def start_mariadb(args):
    d = os.path.join(args.state, "mariadb")
    sock = os.path.join(d, "mysql.sock")
    if os.path.exists(os.path.join(d, "mariadbd.pid")) and os.path.exists(sock):
        try:
            mysql_cli(args, "SELECT 1")
            log(f"MariaDB already running on {args.my_host}:{args.my_port}")
            return
        except SystemExit:
            pass
    data = os.path.join(d, "data")
    fresh = not os.path.isdir(os.path.join(data, "mysql"))
    os.makedirs(data, exist_ok=True)
    if os.geteuid() == 0:
        shutil.chown(d, "mysql", "mysql")
        shutil.chown(data, "mysql", "mysql")
    if fresh:
        log(f"initialising MariaDB in {data}")
        cmd = ["mariadb-install-db", "--no-defaults", f"--datadir={data}",
               "--auth-root-authentication-method=socket", "--skip-test-db"]
        if os.geteuid() == 0:
            cmd.append("--user=mysql")
        run(cmd, log_path=os.path.join(d, "install.log"))
    cmd = ["mariadbd", "--no-defaults", f"--datadir={data}", f"--port={args.my_port}",
           "--bind-address=127.0.0.1", f"--socket={sock}",
           f"--pid-file={os.path.join(d, 'mariadbd.pid')}",
           f"--log-error={os.path.join(d, 'error.log')}",
           "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
           "--innodb-buffer-pool-size=512M", "--max-connections=300", "--skip-name-resolve"]
    if os.geteuid() == 0:
        cmd.append("--user=mysql")
    log(f"starting MariaDB on 127.0.0.1:{args.my_port}")
    subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                     start_new_session=True)
    for _ in range(60):
        if os.path.exists(sock):
            break
        time.sleep(0.5)
    else:
        die(f"MariaDB did not start: see {os.path.join(d, 'error.log')}")
    time.sleep(1)
    u, p = args.db_user, args.db_password.replace("'", "''")
    root = ["mariadb", "-S", sock, "-uroot", "-e",
            f"CREATE USER IF NOT EXISTS '{u}'@'127.0.0.1' IDENTIFIED BY '{p}';"
            f"CREATE USER IF NOT EXISTS '{u}'@'localhost' IDENTIFIED BY '{p}';"
            f"GRANT ALL ON *.* TO '{u}'@'127.0.0.1'; GRANT ALL ON *.* TO '{u}'@'localhost';"]
    run(root)
    log("MariaDB " + mysql_cli(args, "SELECT VERSION()").strip())


def mysql_unpack(args):
    """The MySQL 9.7 tree the testkit unpacked from Debian sid's mysql-server-core (see
    testkit/.../DebianMysql.java): DIR/current names DIR/<version>_<hash>/ with root/ (the
    unpacked tree, its own loader and libraries) and template/ (an initialised data directory,
    root@localhost without a password). Returns (unpack dir, package version)."""
    cache = args.mysql_dist
    cur = os.path.join(cache, "current")
    if not os.path.exists(cur):
        die(f"no MySQL 9.7 unpack in {cache} (no 'current'): run any testkit test with "
            f"-Ddualwrite.test.databases=mysql once to provision it, or give --mysql-dist DIR")
    name = open(cur).read().strip()
    unpack = os.path.join(cache, name)
    if not os.path.exists(os.path.join(unpack, ".complete")):
        die(f"{unpack} is not a complete unpack (no .complete)")
    return unpack, name[:name.rindex("_")]


def mysql_home(args):
    return os.path.join(args.state, "mysql")


def mysql_client():
    """The MySQL command-line client (MariaDB's or MySQL's); stops with how to get one."""
    for name in ("mariadb", "mysql"):
        if shutil.which(name):
            return name
    die("no MySQL client (mariadb or mysql) on PATH: install one, e.g. apt-get install mariadb-client")


def start_mysql(args):
    """A private MySQL 9.7 mysqld from the testkit's unpack, run through the unpack's own
    dynamic loader (sid's glibc is newer than the host's), with a data directory of its own under
    STATE/mysql/ copied from the unpack's initialised template. MySQL's defaults are kept, as
    users have them (caching_sha2_password, sql_mode, utf8mb4_0900_ai_ci, the binary log); only
    the buffer pool and connections match the MariaDB path, and TZ=UTC as the testkit does."""
    client = mysql_client()  # before mysqld starts: without a client it could not be set up
    d = mysql_home(args)
    pidf = os.path.join(d, "mysqld.pid")
    sock = os.path.join(d, "mysql.sock")
    if os.path.exists(pidf) and os.path.exists(f"/proc/{open(pidf).read().strip()}"):
        try:
            mysql_cli(args, "SELECT 1")
            log(f"MySQL already running on {args.my_host}:{args.my_port}")
            return
        except SystemExit:
            # running, but the user cannot log in (an earlier setup stopped before creating it):
            # a second mysqld on the same data directory would fail on InnoDB's lock
            log("MySQL is running but the benchmark user cannot log in: creating it")
            create_mysql_user(args, client, sock)
            return
    unpack, version = mysql_unpack(args)
    root = os.path.join(unpack, "root")
    lib = os.path.join(root, "usr", "lib", "x86_64-linux-gnu")
    data = os.path.join(d, "data")
    if not os.path.isdir(os.path.join(data, "mysql")):
        log(f"copying the initialised data directory of {unpack} to {data}")
        shutil.rmtree(data, ignore_errors=True)
        os.makedirs(d, exist_ok=True)
        shutil.copytree(os.path.join(unpack, "template"), data, symlinks=True)
        auto = os.path.join(data, "auto.cnf")  # a copy must not share the server UUID
        if os.path.exists(auto):
            os.remove(auto)
    for sub in ("tmp", "files"):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    err = os.path.join(d, "mysqld.err")
    cmd = [os.path.join(lib, "ld-linux-x86-64.so.2"), "--library-path", lib,
           os.path.join(root, "usr", "sbin", "mysqld"), "--no-defaults",
           f"--basedir={os.path.join(root, 'usr')}",
           f"--lc-messages-dir={os.path.join(root, 'usr', 'share', 'mysql')}",
           f"--character-sets-dir={os.path.join(root, 'usr', 'share', 'mysql', 'charsets')}",
           f"--plugin-dir={os.path.join(root, 'usr', 'lib', 'mysql', 'plugin')}",
           f"--datadir={data}", f"--tmpdir={os.path.join(d, 'tmp')}",
           f"--secure-file-priv={os.path.join(d, 'files')}", f"--log-error={err}",
           f"--pid-file={pidf}", "--bind-address=127.0.0.1", f"--port={args.my_port}",
           f"--socket={sock}", "--mysqlx=OFF", "--innodb-buffer-pool-size=512M",
           "--max-connections=300", "--skip-name-resolve"]
    if os.geteuid() == 0:
        cmd.append("--user=root")  # mysqld refuses to run as root without it
    log(f"starting MySQL {version} (Debian sid mysql-server-core) on 127.0.0.1:{args.my_port}")
    open(err, "w").close()
    proc = subprocess.Popen(cmd, stdout=open(os.path.join(d, "mysqld.out"), "w"),
                            stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                            start_new_session=True, env=dict(os.environ, TZ="UTC"))
    for _ in range(240):
        if "ready for connections" in open(err, errors="replace").read():
            break
        if proc.poll() is not None:
            die(f"mysqld exited {proc.returncode} during start-up: see {err}")
        time.sleep(0.5)
    else:
        die(f"MySQL not ready after 120 s: see {err}")
    create_mysql_user(args, client, sock)


def create_mysql_user(args, client, sock):
    """The benchmark user of the private mysqld, created as root over its socket."""
    u, p = args.db_user, args.db_password.replace("'", "''")
    # root@localhost has no password: the socket needs no TLS nor RSA key exchange
    run([client, "--no-defaults", "-S", sock,
         "-uroot", "-e",
         f"CREATE USER IF NOT EXISTS '{u}'@'127.0.0.1' IDENTIFIED BY '{p}';"
         f"CREATE USER IF NOT EXISTS '{u}'@'localhost' IDENTIFIED BY '{p}';"
         f"GRANT ALL ON *.* TO '{u}'@'127.0.0.1'; GRANT ALL ON *.* TO '{u}'@'localhost';"])
    log(mysql_server_version(args))


def mysql_server_version(args):
    """What the MySQL-side server is, e.g. 'MySQL 9.7.4 (Debian sid mysql-server-core 9.7.4-2)'
    or 'MariaDB 10.11.14-MariaDB-0+deb12u2 (Debian 12)'."""
    version, comment = mysql_cli(args, "SELECT VERSION(), @@version_comment").strip().split("\t", 1)
    name = "MariaDB" if "mariadb" in version.lower() else "MySQL"
    if args.mysql_server == "mysql" and not args.mysql_url:
        return f"MySQL {version} {comment} (a private mysqld from Debian sid's " \
               f"mysql-server-core {mysql_unpack(args)[1]})"
    return f"{name} {version} {comment}"


def start_postgres(args):
    d = os.path.join(args.state, "postgres")
    data = os.path.join(d, "data")
    if os.path.exists(os.path.join(data, "postmaster.pid")):
        try:
            psql(args, "SELECT 1")
            log(f"PostgreSQL already running on {args.pg_host}:{args.pg_port}")
            return
        except SystemExit:
            pass
    os.makedirs(d, exist_ok=True)
    os.chmod(args.state, 0o755)
    if os.geteuid() == 0:
        shutil.chown(d, "postgres", "postgres")
    if not os.path.exists(os.path.join(data, "PG_VERSION")):
        log(f"initialising PostgreSQL in {data}")
        pwfile = os.path.join(d, "pw")
        with open(pwfile, "w") as f:
            f.write(args.db_password + "\n")
        if os.geteuid() == 0:
            shutil.chown(pwfile, "postgres", "postgres")
        run(as_db_user("postgres", [pg_bin("initdb"), "-D", data, "-U", args.db_user,
                                    f"--pwfile={pwfile}", "-E", "UTF8", "--locale=C.UTF-8",
                                    "--auth-local=trust", "--auth-host=scram-sha-256"]),
            log_path=os.path.join(args.state, "initdb.log"))
        os.remove(pwfile)
    opts = (f"-p {args.pg_port} -c listen_addresses=127.0.0.1 -k {d} -c shared_buffers=512MB "
            f"-c max_connections=300 -c max_prepared_transactions=64 -c fsync=on")
    log(f"starting PostgreSQL on 127.0.0.1:{args.pg_port}")
    run(as_db_user("postgres", [pg_bin("pg_ctl"), "-D", data, "-o", opts, "-l",
                                os.path.join(d, "server.log"), "-w", "start"]))
    log(psql(args, "SELECT version()").strip()[:60])


def stop_servers(args):
    d = os.path.join(args.state, "postgres", "data")
    if os.path.exists(os.path.join(d, "postmaster.pid")):
        run(as_db_user("postgres", [pg_bin("pg_ctl"), "-D", d, "-m", "fast", "-w", "stop"]),
            check=False)
        log("PostgreSQL stopped")
    if args.mysql_server == "mysql":
        pidf = os.path.join(mysql_home(args), "mysqld.pid")
        name = "MySQL"
    else:
        pidf = os.path.join(args.state, "mariadb", "mariadbd.pid")
        name = "MariaDB"
    if os.path.exists(pidf):
        with open(pidf) as f:
            pid = int(f.read().strip())
        os.kill(pid, signal.SIGTERM)
        for _ in range(120):
            if not os.path.exists(f"/proc/{pid}"):
                break
            time.sleep(0.5)
        log(f"{name} stopped")


def recreate_databases(args):
    db = args.database
    mysql_cli(args, f"DROP DATABASE IF EXISTS `{db}`; CREATE DATABASE `{db}`")
    psql(args, f'DROP DATABASE IF EXISTS "{db}" WITH (FORCE)')
    psql(args, f'CREATE DATABASE "{db}"')
    if args.pg_collation:
        # before the tables are created and before the driver's runtime starts (it learns the
        # collation then): keys of utf8mb4_0900_ai_ci columns are then made under it
        psql(args, PG_COLLATION_SQL, database=db)


# What `dualwrite-admin schema` creates when a MySQL column uses utf8mb4_0900_ai_ci (docs/admin.md);
# `--pg-collation` creates it in each recreated PostgreSQL database (schema public)
PG_COLLATION_SQL = ("CREATE COLLATION IF NOT EXISTS dualwrite_ai_ci "
                    "(provider = icu, locale = 'und-u-ks-level1', deterministic = false)")


def pg_index_defs(args):
    """The PostgreSQL database's index definitions (what the DDL mirror created)."""
    return psql(args, "SELECT indexdef FROM pg_indexes WHERE schemaname NOT IN "
                      "('pg_catalog', 'information_schema') ORDER BY tablename, indexname",
                database=args.database)


# ---------------------------------------------------------------------------------------------
# Configs and URLs


def mysql_jdbc(args):
    return f"jdbc:mysql://{args.my_host}:{args.my_port}/{args.database}"


def pg_jdbc(args):
    return f"jdbc:postgresql://{args.pg_host}:{args.pg_port}/{args.database}"


def dualwrite_url(args, props):
    q = [MYSQL_URL_OPTIONS,
         "dualwrite.postgres.url=" + urllib.parse.quote(pg_jdbc(args), safe=""),
         "dualwrite.control=primary"]
    q += [f"{k}={v}" for k, v in props.items()]
    return f"jdbc:dualwrite:mysql://{args.my_host}:{args.my_port}/{args.database}?" + "&".join(q)


def twitter_traces(args, scale):
    """Twitter replays (tweet id, user id) pairs from trace files that BenchBase keeps in data/
    (large files, often absent from a checkout). Generated here in the loader's ranges:
    tweet ids 1..20000*sf, user ids 1..500*sf (the worker draws its own user id anyway)."""
    d = os.path.join(args.state, "twitter-trace")
    os.makedirs(d, exist_ok=True)
    tweets, users = os.path.join(d, f"tweetids-sf{scale}.txt"), os.path.join(d, f"userids-sf{scale}.txt")
    if not os.path.exists(tweets):
        rng = random.Random(20261204)
        nt, nu = max(1, round(20000 * scale)), max(1, round(500 * scale))
        with open(tweets, "w") as ft, open(users, "w") as fu:
            for _ in range(50000):
                ft.write(f"{rng.randint(1, nt)}\n")
                fu.write(f"{rng.randint(1, nu)}\n")
    return tweets, users


def make_config(args, bench, mode, isolation, path):
    _, props, side = MODES[mode]
    profile = "postgres" if side == "pg" else "mysql"
    sample = os.path.join(args.benchbase_src, "config", profile, f"sample_{bench}_config.xml")
    tree = ET.parse(sample)
    root = tree.getroot()

    def set_(tag, value):
        el = root.find(tag)
        if el is None:
            el = ET.SubElement(root, tag)
        el.text = str(value)

    if side == "mysql":
        set_("url", f"{mysql_jdbc(args)}?{MYSQL_URL_OPTIONS}")
    elif side == "pg":
        extra = "&autosave=always&cleanupSavepoints=true" if mode == "pgautosave" else ""
        set_("url", f"{pg_jdbc(args)}?sslmode=disable&ApplicationName={bench}&reWriteBatchedInserts=true"
                    + extra)
    else:
        set_("driver", "io.dualwrite.driver.Driver")
        set_("url", dualwrite_url(args, props))
    set_("username", args.db_user)
    set_("password", args.db_password)
    set_("isolation", ISOLATIONS[isolation])
    set_("terminals", args.terminals)
    scale = args.scale.get(bench)
    if scale is not None:
        set_("scalefactor", scale)
    for work in root.iter("work"):
        work.find("time").text = str(args.seconds)
        if args.rate != "sample":
            work.find("rate").text = args.rate
    if bench == "twitter":
        sf = float(root.find("scalefactor").text)
        own = os.path.join(args.benchbase_src, "data", "twitter", "twitter_tweetids.txt")
        if os.path.exists(own) and os.path.getsize(own) > 1000:
            t, u = own, os.path.join(args.benchbase_src, "data", "twitter", "twitter_user_ids.txt")
        else:
            t, u = twitter_traces(args, sf)
        set_("tracefile", t)
        set_("tracefile2", u)
    tree.write(path)
    return float(root.find("scalefactor").text)


# ---------------------------------------------------------------------------------------------
# One benchmark in one mode


def redact(cmd_or_text, args):
    s = cmd_or_text if isinstance(cmd_or_text, str) else " ".join(map(shlex.quote, cmd_or_text))
    return s.replace(args.db_password, "****")


def thread_dump(args, log_path):
    def dump(pid):
        # the JVM is the child of the session leader or the leader itself
        pids = [pid] + [int(p) for p in subprocess.run(["pgrep", "-s", str(pid)],
                                                        capture_output=True, text=True).stdout.split()]
        for p in dict.fromkeys(pids):
            try:
                if "java" in open(f"/proc/{p}/cmdline").read():
                    out = subprocess.run([os.path.join(args.java_home, "bin", "jstack"), str(p)],
                                         capture_output=True, text=True, timeout=60).stdout
                    with open(log_path, "a") as f:
                        f.write(out)
                    log(f"timeout: thread dump of {p} in {log_path}")
            except (OSError, subprocess.TimeoutExpired):
                pass
    return dump


def app_errors(text):
    """Errors and warnings BenchBase logged (not the driver's own log lines), by message."""
    msgs = {}
    for line in text.splitlines():
        if "io.dualwrite" in line:
            continue
        if re.search(r"(SQLException|Exception:|\bERROR\b|\bWARN\b)", line):
            m = re.sub(r"^\[(WARN |ERROR)\] \S+ \S+\s+", r"[\1] ", line)  # drop the timestamp
            m = re.sub(r"<\d+>", "<N>", m)[:400]
            msgs[m] = msgs.get(m, 0) + 1
    return msgs


def driver_log_records(text):
    """Discrepancy records the driver logged (io.dualwrite.discrepancy), by kind: compared with
    what reached the control store, this shows records lost at exit."""
    kinds = {}
    for m in re.finditer(r'io\.dualwrite\.discrepancy record - \{.*?"kind":"([A-Z_]+)"', text):
        kinds[m.group(1)] = kinds.get(m.group(1), 0) + 1
    return kinds


def parse_results(d):
    res = {}
    summ = glob.glob(os.path.join(d, "*.summary.json"))
    if summ:
        with open(summ[0]) as f:
            s = json.load(f)
        res["throughput"] = s.get("Throughput (requests/second)")
        res["goodput"] = s.get("Goodput (requests/second)")
        lat = s.get("Latency Distribution") or {}
        for k, name in (("p95Micros", "95th"), ("p99Micros", "99th")):
            res[k] = lat.get(f"{name} Percentile Latency (microseconds)")
    hist = os.path.join(d, "histograms.json")
    if os.path.exists(hist):
        with open(hist) as f:
            h = json.load(f)
        for k in ("completed", "aborted", "rejected", "unexpected"):
            v = h.get(k, {})
            hh = v.get("HISTOGRAM", v.get("histogram", {})) if isinstance(v, dict) else {}
            res[k] = sum(int(x) for x in hh.values()) if isinstance(hh, dict) else None
    return res


def admin(args, sub, url, log_path, timeout):
    cmd = [os.path.join(args.java_home, "bin", "java"), "-jar",
           os.path.join(REPO, "admin-cli", "target", "dualwrite-admin.jar")] + sub + [
        "--mysql-url", url, "--mysql-user", args.db_user, f"--mysql-password={args.db_password}"]
    rc, secs, out = run(cmd, log_path=log_path, timeout=timeout, check=False)
    return rc, secs, out, cmd


def run_unit(args, lock, run_dir, bench, mode, isolation):
    desc, props, side = MODES[mode]
    name = f"{bench}-{mode}-{isolation}"
    d = os.path.join(run_dir, name)
    shutil.rmtree(d, ignore_errors=True)
    os.makedirs(d)
    cfg = os.path.join(d, "config.xml")
    scale = make_config(args, bench, mode, isolation, cfg)
    unit = {"bench": bench, "mode": mode, "modeDescription": desc, "isolation": isolation,
            "scalefactor": scale, "terminals": args.terminals, "seconds": args.seconds,
            "rate": args.rate, "pgCollation": bool(args.pg_collation), "started": datetime.datetime.utcnow().isoformat(timespec="seconds") + "Z"}
    java = [os.path.join(args.java_home, "bin", "java"), f"-Xmx{args.heap}", "-cp", classpath(args),
            "com.oltpbenchmark.DBWorkload", "-b", bench, "-c", cfg]
    cwd = benchbase_dist(args.benchbase_src)
    with lock:
        log(f"{name}: recreating databases")
        recreate_databases(args)
        log(f"{name}: create + load (scale factor {scale})")
        load_cmd = java + ["--create=true", "--load=true", "--execute=false"]
        rc, secs, out = run(load_cmd, log_path=os.path.join(d, "load.log"), cwd=cwd,
                            timeout=args.load_timeout, check=False,
                            on_timeout=thread_dump(args, os.path.join(d, "load-jstack.txt")))
        unit.update(loadSeconds=round(secs, 1), loadRc=rc, loadErrors=app_errors(out),
                    loadDriverLogRecords=driver_log_records(out))
        loaded = rc == 0
        if loaded:
            log(f"{name}: loaded in {secs:.0f} s; executing {args.seconds} s")
            exec_cmd = java + ["--execute=true", "-d", os.path.join(d, "results"), "-jh",
                               os.path.join(d, "results", "histograms.json")]
            os.makedirs(os.path.join(d, "results"))
            rc, secs, out = run(exec_cmd, log_path=os.path.join(d, "execute.log"), cwd=cwd,
                                timeout=args.seconds + args.exec_grace, check=False,
                                on_timeout=thread_dump(args, os.path.join(d, "execute-jstack.txt")))
            unit.update(executeSeconds=round(secs, 1), executeRc=rc, executeErrors=app_errors(out),
                        driverLogRecords=driver_log_records(out), command=redact(exec_cmd, args))
            unit.update(parse_results(os.path.join(d, "results")))
            log(f"{name}: executed in {secs:.0f} s (rc {rc}), goodput {unit.get('goodput')}")
        else:
            log(f"{name}: load failed (rc {rc}); see {d}/load.log")
        unit["loadCommand"] = redact(load_cmd, args)
        # verify in the same turn of the lock: between the run and its verify another run (of
        # this script or another one on the same servers) would recreate the databases, and
        # verify would compare that run's tables
        if props is not None and loaded:
            url = dualwrite_url(args, props)
            log(f"{name}: verify")
            vrc, vsecs, vout, vcmd = admin(args, ["verify", "--json", "--no-progress"], url,
                                           os.path.join(d, "verify.json"), args.verify_timeout)
            unit.update(verifyRc=vrc, verifySeconds=round(vsecs, 1), verifyCommand=redact(vcmd, args))
            unit["verify"] = summarize_verify(vout)
            drc, _, dout, dcmd = admin(args, ["discrepancies", "--summary", "--json", "--limit", "100000"], url,
                                       os.path.join(d, "discrepancies.jsonl"), 300)
            unit.update(discrepanciesRc=drc, discrepanciesCommand=redact(dcmd, args))
            unit["discrepancies"] = summarize_discrepancies(dout)
            admin(args, ["status"], url, os.path.join(d, "status.txt"), 120)
            # the indexes the driver's DDL mirror created (lower(col) or col COLLATE dualwrite_ai_ci)
            defs = pg_index_defs(args)
            with open(os.path.join(d, "pg-indexes.txt"), "w") as f:
                f.write(defs)
            unit["pgIndexes"] = {"collated": defs.count("COLLATE dualwrite_ai_ci"),
                                 "lower": defs.count("lower(")}
            v = unit["verify"]
            log(f"{name}: verify rc {vrc} in {vsecs:.0f} s: "
                f"{'equal' if v.get('equal') else str(v.get('differences')) + ' rows differ'}; "
                f"records {unit['discrepancies'].get('byKind')}")
    with open(os.path.join(d, "unit.json"), "w") as f:
        json.dump(unit, f, indent=1)
    return unit


def summarize_verify(out):
    try:
        start = out.index("{")
        doc = json.loads(out[start:out.rindex("}") + 1])
    except ValueError:
        return {"error": out.strip()[-500:]}
    tables = []
    for t in doc.get("tables", []):
        n = (t.get("missing") or 0) + (t.get("extra") or 0) + (t.get("changed") or 0)
        if t.get("problem"):  # not compared, e.g. "table page does not exist on PostgreSQL"
            tables.append({"table": t.get("table"), "differing": None, "error": t["problem"],
                           "columns": []})
            continue
        tables.append({"table": t.get("table"), "mysqlRows": t.get("mysqlRows"),
                       "postgresRows": t.get("postgresRows"), "missing": t.get("missing"),
                       "extra": t.get("extra"), "changed": t.get("changed"), "differing": n,
                       "error": t.get("error"),
                       "columns": sorted({c for k in t.get("keys", []) for c in k.get("columns") or []})})
    return {"equal": doc.get("equal"), "differences": doc.get("differences"), "tables": tables}


def summarize_discrepancies(out):
    by_kind, rows = {}, []
    for line in out.splitlines():
        line = line.strip()
        if not line.startswith("{"):
            continue
        try:
            o = json.loads(line)
        except ValueError:
            continue
        if "error" in o and len(o) == 1:
            return {"error": o["error"]}
        kind = o.get("kind", "?")
        n = int(o.get("occurrences", o.get("count", 1)) or 1)
        by_kind[kind] = by_kind.get(kind, 0) + n
        rows.append(o)
    return {"byKind": by_kind, "total": sum(by_kind.values()), "fingerprints": len(rows),
            "sample": rows[:20]}


# ---------------------------------------------------------------------------------------------
# Report


def fmt_num(x, nd=1):
    return "n/a" if x is None else f"{x:,.{nd}f}"


def report(run_dir, args):
    units = []
    for p in sorted(glob.glob(os.path.join(run_dir, "*", "unit.json"))):
        with open(p) as f:
            u = json.load(f)
        vj = os.path.join(os.path.dirname(p), "verify.json")
        if "verify" in u and os.path.exists(vj):
            with open(vj, errors="replace") as f:
                u["verify"] = summarize_verify(f.read())
        units.append(u)
    meta = {}
    mp = os.path.join(run_dir, "run.json")
    if os.path.exists(mp):
        with open(mp) as f:
            meta = json.load(f)
    by = {(u["bench"], u["isolation"], u["mode"]): u for u in units}
    lines = [f"<!-- benchbase-run {os.path.basename(run_dir)} start -->",
             f"### BenchBase run {os.path.basename(run_dir)}", ""]
    lines.append(f"- dualwrite product code (driver, rewriter, admin-cli) as of commit "
                 f"`{meta.get('productCommit', '?')}` (checkout at `{meta.get('commit', '?')}`); "
                 f"BenchBase `{meta.get('benchbaseCommit', '?')}` (MySQL profile)")
    lines.append(f"- servers: {meta.get('mysqlVersion', '?')} and {meta.get('pgVersion', '?')}; "
                 f"machine: {meta.get('machine', '?')}")
    lines.append(f"- started {meta.get('started', '?')}, report written "
                 f"{datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC; invocations:")
    for c in meta.get("commands") or [meta.get("command", "?")]:
        lines.append(f"  - `{c}`")
    lines.append("- throughput: BenchBase goodput (successful transactions/s); bound = "
                 "1 / (1/raw MySQL + 1/raw PostgreSQL) from this run; aborted = user aborts "
                 "(part of the workload), retried = errors BenchBase retries (deadlock, lock wait "
                 "timeout, 40001), unexpected = other SQL errors the application saw; rows "
                 "differing per table: missing + extra + changed (rows on MySQL/PostgreSQL, "
                 "changed columns); records: `discrepancies --summary` (control store), with "
                 "the count in the driver's log when it differs; p95 / p99: BenchBase's latency "
                 "percentiles over all transactions; `+ ai_ci`: a dualwrite run whose PostgreSQL "
                 "database had the collation dualwrite_ai_ci before the tables were created "
                 "(`--pg-collation`; the raw runs had it too, unused), "
                 "with the indexes of the run's end (collated / lower() parts)")
    lines.append("")
    lines.append("| benchmark | isolation | mode | SF, s, terminals | goodput tx/s | p95 / p99 ms | / raw MySQL | / bound | "
                 "aborted / retried / unexpected | equal after run | rows differing per table | "
                 "records by kind | load / exec / verify s |")
    lines.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    order = list(MODES)
    for (bench, iso, mode) in sorted(by, key=lambda k: (BENCHMARKS.index(k[0]) if k[0] in BENCHMARKS
                                                        else 99, k[1], order.index(k[2]))):
        u = by[(bench, iso, mode)]
        raw_my = by.get((bench, iso, "mysql"), {}).get("goodput")
        raw_pg = by.get((bench, iso, "pg"), {}).get("goodput")
        g = u.get("goodput")
        r_my = r_b = None
        if g is not None and raw_my:
            r_my = g / raw_my
        if g is not None and raw_my and raw_pg:
            r_b = g / (1.0 / (1.0 / raw_my + 1.0 / raw_pg))
        if MODES[mode][1] is None:  # a raw run
            r_my = r_b = None
        eq = diff = rec = "—"
        if "verify" in u:
            v = u["verify"]
            if "error" in v:
                eq = "verify failed: " + v["error"][:120].replace("|", "/").replace("\n", " ")
            else:
                eq = "**equal**" if v.get("equal") else f"**differ** ({v.get('differences')} rows)"
                diff = "; ".join(
                    f"{t['table']}: {t['error']}" if t.get("error") else
                    f"{t['table']} {t['differing']} ({t['mysqlRows']}/{t['postgresRows']}"
                    + (f", cols {','.join(t['columns'][:4])}" if t['columns'] else "") + ")"
                    for t in v.get("tables", []) if t.get("differing") or t.get("error")) or "—"
            dd = u.get("discrepancies", {})
            rec = ("error: " + str(dd["error"])[:80]) if "error" in dd else (
                ", ".join(f"{k} {n}" for k, n in sorted(dd.get("byKind", {}).items())) or "0")
            logged = sum(u.get("driverLogRecords", {}).values()) + sum(
                u.get("loadDriverLogRecords", {}).values())
            if "driverLogRecords" in u and "error" not in dd and logged != dd.get("total", 0):
                rec += f" (driver log: {logged})"
        status = ""
        if u.get("loadRc") != 0:
            status = f" (load failed rc {u.get('loadRc')})"
        elif u.get("executeRc") != 0:
            status = f" (execute rc {u.get('executeRc')})"
        ab = f"{u.get('aborted', 'n/a')} / {u.get('rejected', 'n/a')} / {u.get('unexpected', 'n/a')}"
        times = f"{fmt_num(u.get('loadSeconds'), 0)} / {fmt_num(u.get('executeSeconds'), 0)} / " \
                f"{fmt_num(u.get('verifySeconds'), 0)}"
        coll = ""
        if u.get("pgCollation") and MODES[mode][1] is not None:  # raw runs do not use it
            ix = u.get("pgIndexes")
            coll = " + ai_ci" + (f" (indexes: {ix['collated']} collated / {ix['lower']} lower() parts)"
                                 if ix else "")
        lat = "n/a"
        if u.get("p95Micros") is not None:
            lat = f"{u['p95Micros'] / 1000:.1f} / {u['p99Micros'] / 1000:.1f}"
        lines.append(f"| {bench} | {iso} | {MODES[mode][0]}{coll}{status} | "
                     f"{u.get('scalefactor'):g}, {u.get('seconds')}, {u.get('terminals')} | "
                     f"{fmt_num(g)} | {lat} | {fmt_num(r_my, 2)} | {fmt_num(r_b, 2)} | {ab} | {eq} | "
                     f"{diff} | {rec} | {times} |")
    lines.append("")
    lines.append("<details><summary>exact commands (password shown as ****)</summary>")
    lines.append("")
    for k in sorted(by):
        u = by[k]
        lines.append(f"- {k[0]} {k[1]} {k[2]}:")
        for c in ("loadCommand", "command", "verifyCommand", "discrepanciesCommand"):
            if c in u:
                lines.append(f"  - `{u[c]}`")
    lines.append("")
    lines.append("</details>")
    errs = []
    for k in sorted(by):
        u = by[k]
        for phase in ("loadErrors", "executeErrors"):
            for m, n in sorted(u.get(phase, {}).items(), key=lambda x: -x[1])[:8]:
                errs.append(f"- {k[0]} {k[1]} {k[2]} ({phase[:-6]}): {n} × `{m.replace('`', chr(39))}`")
    if errs:
        lines += ["", "<details><summary>errors and warnings in BenchBase's log</summary>", ""]
        lines += errs
        lines += ["", "</details>"]
    lines.append(f"<!-- benchbase-run {os.path.basename(run_dir)} end -->")
    section = "\n".join(lines) + "\n"
    with open(os.path.join(run_dir, "report.md"), "w") as f:
        f.write(section)
    if args.results_md:
        write_results_md(args.results_md, os.path.basename(run_dir), section)
    return section


def write_results_md(path, run_id, section):
    head = "## BenchBase through dualwrite (`benchmarks/benchbase/`)"
    intro = (head + "\n\nWritten by `benchmarks/benchbase/run.sh` (see `benchmarks/benchbase/README.md`); "
             "one subsection per run, the newest last. Not part of `mvn verify`.\n\n")
    text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
    start, end = f"<!-- benchbase-run {run_id} start -->", f"<!-- benchbase-run {run_id} end -->"
    if start in text and end in text:
        a, b = text.index(start), text.index(end) + len(end) + 1
        text = text[:a] + section + text[b:]
    else:
        if head not in text:
            text = text.rstrip("\n") + "\n\n" + intro
        text = text.rstrip("\n") + "\n\n" + section
    with open(path, "w") as f:
        f.write(text)
    log(f"wrote run {run_id} to {path}")


# ---------------------------------------------------------------------------------------------


def parse_args():
    p = argparse.ArgumentParser(
        description="BenchBase raw vs through dualwrite, with verify after each dualwrite run.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="modes: " + ", ".join(f"{k} ({v[0]})" for k, v in MODES.items()) +
               "\nbenchmarks: " + ",".join(BENCHMARKS))
    p.add_argument("command", nargs="?", default="run",
                   choices=["run", "setup", "start", "stop", "report"],
                   help="setup: get+build BenchBase, build dualwrite, start servers; run (default): "
                        "setup then the runs; start/stop: the servers; report: rewrite the report "
                        "of --run-id")
    p.add_argument("--bench", default="all", help="comma-separated benchmarks (default all 12)")
    p.add_argument("--modes", default="all", help="comma-separated modes (default all)")
    p.add_argument("--isolation", default="serializable,read-committed",
                   help="comma-separated: serializable, repeatable-read, read-committed (rc), "
                        "read-uncommitted (default serializable,read-committed)")
    p.add_argument("--seconds", type=int, default=60, help="execute time per run (default 60)")
    p.add_argument("--terminals", type=int, default=4, help="BenchBase terminals (default 4)")
    p.add_argument("--rate", default="unlimited",
                   help="BenchBase rate: unlimited (default) or 'sample' to keep the sample's")
    p.add_argument("--scale", default="",
                   help="scale factors, e.g. tpcc=1,ycsb=0.5 (default: the sample's, 1)")
    p.add_argument("--benchbase-src", default=os.environ.get("BENCHBASE_SRC"),
                   help="BenchBase source tree, built there (env BENCHBASE_SRC)")
    p.add_argument("--benchbase-git", default=os.environ.get("BENCHBASE_GIT"),
                   help="where to get BenchBase if --benchbase-src does not exist: a (bare) git "
                        "dir or a clone URL (env BENCHBASE_GIT)")
    p.add_argument("--rebuild", action="store_true", help="rebuild BenchBase even if built")
    p.add_argument("--no-build", action="store_true", help="use the existing dualwrite-admin.jar")
    p.add_argument("--java-home", default=os.environ.get("BENCHBASE_JAVA_HOME"),
                   help="JDK 23+ for BenchBase (default: /usr/lib/jvm/temurin-2x)")
    p.add_argument("--state", default=os.environ.get("BENCHBASE_STATE", "/tmp/benchbase-state"),
                   help="servers' data dirs and run outputs (default /tmp/benchbase-state)")
    p.add_argument("--run-id", help="add to / report an earlier run (default: a new UTC timestamp)")
    p.add_argument("--mysql-port", type=int, default=33307)
    p.add_argument("--pg-port", type=int, default=54329)
    p.add_argument("--mysql-server", choices=["mariadb", "mysql"], default="mariadb",
                   help="the local MySQL-side server: mariadb (default; Debian's mariadbd) or "
                        "mysql (a private MySQL 9.7 mysqld from the testkit's unpack of Debian "
                        "sid's mysql-server-core, see --mysql-dist)")
    p.add_argument("--mysql-dist", default=os.environ.get("DUALWRITE_TEST_MYSQL_CACHE") or
                   os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
                                "dualwrite", "mysql-9.7"),
                   help="the testkit's MySQL 9.7 cache (DUALWRITE_TEST_MYSQL_CACHE, default "
                        "~/.cache/dualwrite/mysql-9.7) for --mysql-server mysql")
    p.add_argument("--mysql-url", help="an external MySQL-side server jdbc:mysql://host:port/db "
                                       "instead of the local MariaDB (its user needs CREATE/DROP "
                                       "DATABASE)")
    p.add_argument("--pg-url", help="an external PostgreSQL jdbc:postgresql://host:port/db (user "
                                    "needs CREATEDB)")
    p.add_argument("--pg-collation", action="store_true",
                   help="create the ICU collation dualwrite_ai_ci (as `dualwrite-admin schema` does) "
                        "in each recreated PostgreSQL database before the tables are created, so "
                        "the driver makes keys of utf8mb4_0900_ai_ci columns under it")
    p.add_argument("--db-user", default="bench")
    p.add_argument("--db-password", default=os.environ.get("BENCHBASE_DB_PASSWORD", "bench-pw"))
    p.add_argument("--heap", default="2g", help="BenchBase JVM -Xmx (default 2g)")
    p.add_argument("--load-timeout", type=int, default=900)
    p.add_argument("--exec-grace", type=int, default=240,
                   help="seconds past --seconds before an execute counts as hung (thread dump)")
    p.add_argument("--verify-timeout", type=int, default=900)
    p.add_argument("--lock", default="/tmp/dualwrite-heavy.lock",
                   help="flock file taken around builds and each benchmark run; 'none' if the "
                        "caller holds it already")
    p.add_argument("--results-md", default=RESULTS_MD,
                   help="Markdown file to add the run to (default benchmarks/RESULTS.md; '' = none)")
    a = p.parse_args()
    if not a.benchbase_src:
        p.error("--benchbase-src (or BENCHBASE_SRC) is required")
    a.benchbase_src = os.path.abspath(a.benchbase_src)
    a.java_home = a.java_home or find_java25()
    a.state = os.path.abspath(a.state)
    a.benches = BENCHMARKS if a.bench == "all" else a.bench.split(",")
    # "all" is the five modes the issue asks for; dualserial (the mirror not overlapped) and
    # pgautosave (raw PostgreSQL with dualwrite's statement-level rollback) are asked
    # for by name, to measure what the overlap gives
    a.mode_list = ([m for m in MODES if m not in ("dualserial", "pgautosave")] if a.modes == "all"
                   else a.modes.split(","))
    a.isolations = [ISOLATION_ALIASES.get(i, i) for i in a.isolation.split(",")]
    for b in a.benches:
        if b not in BENCHMARKS:
            p.error(f"unknown benchmark {b}")
    for m in a.mode_list:
        if m not in MODES:
            p.error(f"unknown mode {m} (one of {', '.join(MODES)})")
    for i in a.isolations:
        if i not in ISOLATIONS:
            p.error(f"unknown isolation {i}")
    a.scale = {k: float(v) for k, v in (x.split("=") for x in a.scale.split(",") if x)}
    a.my_host, a.my_port, a.pg_host = "127.0.0.1", a.mysql_port, "127.0.0.1"
    a.pg_port, a.database = a.pg_port, "benchbase"
    if a.mysql_url:
        u = urllib.parse.urlparse(a.mysql_url.replace("jdbc:", "", 1))
        a.my_host, a.my_port, a.database = u.hostname, u.port or 3306, u.path.strip("/") or "benchbase"
    if a.pg_url:
        u = urllib.parse.urlparse(a.pg_url.replace("jdbc:", "", 1))
        a.pg_host, a.pg_port = u.hostname, u.port or 5432
        if (u.path.strip("/") or a.database) != a.database:
            p.error("--pg-url's database must have the MySQL side's name " + a.database)
    a.lock = None if a.lock == "none" else a.lock
    return a


def benchbase_commit(args):
    f = os.path.join(args.benchbase_src, ".benchbase-commit")
    if os.path.exists(f):
        return open(f).read().strip()[:12]
    if os.path.isdir(os.path.join(args.benchbase_src, ".git")):
        return git_out("rev-parse", "--short=12", "HEAD", cwd=args.benchbase_src)
    return args.benchbase_src


def product_commit():
    """The last commit that changed the product (not this script): what the run measured."""
    c = git_out("log", "-1", "--format=%h %cI", "--", "driver", "rewriter", "admin-cli", "testkit",
                "pom.xml")
    dirty = git_out("status", "--porcelain", "--", "driver", "rewriter", "admin-cli", "testkit")
    return c + (" (with uncommitted changes)" if dirty else "")


def git_out(*cmd, cwd=REPO):
    return subprocess.run(["git"] + list(cmd), cwd=cwd, capture_output=True, text=True).stdout.strip()


def main():
    args = parse_args()
    os.makedirs(args.state, exist_ok=True)
    lock = HeavyLock(args.lock)
    if args.command == "stop":
        stop_servers(args)
        return
    if args.command == "report":
        if not args.run_id:
            die("report needs --run-id")
        print(report(os.path.join(args.state, "runs", args.run_id), args))
        return
    timings = {}
    if args.command in ("run", "setup"):
        timings["buildBenchbase"] = build_benchbase(args, lock)
        timings["buildDualwrite"] = build_dualwrite(args, lock)
    with lock:
        if args.mysql_url:
            pass
        elif args.mysql_server == "mysql":
            start_mysql(args)
        else:
            start_mariadb(args)
        if not args.pg_url:
            start_postgres(args)
    if args.command in ("setup", "start"):
        return
    run_id = args.run_id or datetime.datetime.utcnow().strftime("%Y%m%dT%H%MZ")
    run_dir = os.path.join(args.state, "runs", run_id)
    os.makedirs(run_dir, exist_ok=True)
    mp = os.path.join(run_dir, "run.json")
    invocation = "benchmarks/benchbase/run.sh " + redact(sys.argv[1:], args)
    if os.path.exists(mp):
        with open(mp) as f:
            meta = json.load(f)
        meta.setdefault("commands", [meta.get("command")])
        if meta.get("productCommit") != product_commit():
            meta["productCommit"] += " then " + product_commit()
        meta["commands"].append(invocation)
        with open(mp, "w") as f:
            json.dump(meta, f, indent=1)
    else:
        meta = {
            "productCommit": product_commit(),
            "commit": git_out("rev-parse", "--short=12", "HEAD"),
                        "benchbaseCommit": benchbase_commit(args),
            "mysqlServer": args.mysql_server if not args.mysql_url else "external",
            "mysqlVersion": mysql_server_version(args),
            "pgVersion": psql(args, "SHOW server_version").strip().join(["PostgreSQL ", ""]),
            "machine": f"{os.cpu_count()} cores, load {open('/proc/loadavg').read().split()[0]}",
            "started": datetime.datetime.utcnow().isoformat(timespec="seconds") + "Z",
            "commands": [invocation],
            "timings": timings,
        }
        with open(mp, "w") as f:
            json.dump(meta, f, indent=1)
    log(f"run {run_id}: {len(args.benches)} benchmarks x {len(args.mode_list)} modes x "
        f"{len(args.isolations)} isolations; outputs in {run_dir}")
    for bench in args.benches:
        for iso in args.isolations:
            for mode in args.mode_list:
                run_unit(args, lock, run_dir, bench, mode, iso)
                report(run_dir, args)
    print(report(run_dir, args))


if __name__ == "__main__":
    main()
