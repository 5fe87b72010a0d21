package io.team365.mail.internal.sync;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the mailbox sync ({@code team365.mail.sync.*}).
 *
 * @param pollInterval how long after a successful sync an account is synced again (polling; IMAP IDLE is not used)
 * @param checkInterval how often the worker looks for accounts that are due
 * @param lease how long a worker holds an account without finishing a batch; after that another worker (or this
 *     server after a restart) takes the account over and resumes from the folders' last committed UIDs
 * @param batchSize messages per batch: each batch is one transaction that also moves the folder's last UID
 * @param batchBytes a batch is committed early once the messages read into it reach this many bytes
 * @param concurrency how many accounts one server syncs at once
 * @param inMemoryLimit messages up to this size are read into memory; larger ones go through a temporary file
 * @param flagWindow without CONDSTORE, the flags of at most this many most recent messages per folder are compared
 */
@ConfigurationProperties("team365.mail.sync")
public record MailSyncSettings(
        @DefaultValue("PT2M") Duration pollInterval,
        @DefaultValue("PT5S") Duration checkInterval,
        @DefaultValue("PT5M") Duration lease,
        @DefaultValue("200") int batchSize,
        @DefaultValue("8388608") long batchBytes,
        @DefaultValue("2") int concurrency,
        @DefaultValue("1048576") int inMemoryLimit,
        @DefaultValue("5000") int flagWindow) {}
