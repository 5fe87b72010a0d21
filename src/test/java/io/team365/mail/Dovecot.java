package io.team365.mail;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.springframework.util.FileSystemUtils;

/**
 * A real Dovecot IMAP server for the tests that need what GreenMail lacks (CONDSTORE): started in the foreground from
 * a configuration of its own in a temporary directory (maildir, plain passwords, no TLS, one port on 127.0.0.1),
 * stopped with the test class. {@code .ci/run} installs it ({@code dovecot-imapd}); without it the tests are skipped,
 * except under CI, where they fail.
 */
final class Dovecot implements AutoCloseable {

    private static final Path BINARY = Path.of("/usr/sbin/dovecot");

    private final Path home;
    private final int port;
    private final Process process;

    private Dovecot(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    static Dovecot start(List<String> users, String password) throws IOException, InterruptedException {
        if (!Files.isExecutable(BINARY)) {
            if (System.getenv("CI") != null) {
                throw new IllegalStateException("dovecot is not installed: .ci/run installs dovecot-imapd");
            }
            Assumptions.abort("dovecot is not installed (apt-get install dovecot-imapd)");
        }
        Path home = Files.createTempDirectory("team365-dovecot-");
        int port = MailSyncProxy.freePort();
        Path mail = Files.createDirectories(home.resolve("mail"));
        StringBuilder passwords = new StringBuilder();
        for (String user : users) {
            passwords.append(user).append(":{PLAIN}").append(password).append('\n');
        }
        Files.writeString(home.resolve("users"), passwords);
        Files.writeString(home.resolve("dovecot.conf"), """
                base_dir = %1$s/run
                state_dir = %1$s/state
                log_path = %1$s/dovecot.log
                instance_name = team365-test-%2$d
                protocols = imap
                listen = 127.0.0.1
                ssl = no
                disable_plaintext_auth = no
                auth_mechanisms = plain login
                mail_location = maildir:%1$s/mail/%%u
                first_valid_uid = 1
                passdb {
                  driver = passwd-file
                  args = scheme=PLAIN username_format=%%u %1$s/users
                }
                userdb {
                  driver = static
                  args = uid=dovecot gid=dovecot home=%1$s/mail/%%u
                }
                service imap-login {
                  inet_listener imap {
                    port = %2$d
                  }
                  inet_listener imaps {
                    port = 0
                  }
                }
                default_login_user = dovenull
                default_internal_user = dovecot
                """.formatted(home, port));
        // the mail processes run as the dovecot user, which must be able to reach and write the maildirs
        run("chmod", "755", home.toString());
        run("chown", "-R", "dovecot:dovecot", mail.toString());
        Process process = new ProcessBuilder(
                        BINARY.toString(),
                        "-F",
                        "-c",
                        home.resolve("dovecot.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("console.log").toFile())
                .start();
        Dovecot dovecot = new Dovecot(home, port, process);
        dovecot.awaitListening();
        return dovecot;
    }

    int port() {
        return port;
    }

    private void awaitListening() throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("dovecot stopped: " + Files.readString(home.resolve("console.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("dovecot did not listen on " + port);
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": "
                    + new String(process.getInputStream().readAllBytes()));
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor();
            FileSystemUtils.deleteRecursively(home);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException leftBehind) {
            // a temporary directory; the machine's cleanup takes it
        }
    }
}
