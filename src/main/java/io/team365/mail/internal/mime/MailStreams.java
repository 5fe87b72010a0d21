package io.team365.mail.internal.mime;

/**
 * Names Jakarta Mail's stream provider (Angus Mail's) in the system property Jakarta Mail 2.1 reads first. Without
 * it, every {@code StreamProvider.provider()} call — made for each header block, multipart and decoded part a
 * parser reads — runs a {@link java.util.ServiceLoader} scan of the whole class path (jakartaee/mail-api #699 and
 * #861), which in the packaged jar took a quarter of the mail sync's CPU (ADR 0034). With the property set, the
 * lookup is a class-name lookup of a class already loaded. A property set by the deployment is kept.
 */
public final class MailStreams {

    static final String PROPERTY = "jakarta.mail.util.StreamProvider";
    static final String ANGUS = "org.eclipse.angus.mail.util.MailStreamProvider";

    static {
        pin();
    }

    private MailStreams() {}

    /** Sets the property unless it is set already or Angus Mail is not on the class path; idempotent. */
    public static void pin() {
        if (System.getProperty(PROPERTY) != null) {
            return;
        }
        try {
            Class.forName(ANGUS, false, MailStreams.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return;
        }
        System.setProperty(PROPERTY, ANGUS);
    }
}
