package com.smplat.providerautomation.alerts;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SMTP server (GreenMail) on a free loopback port that can refuse chosen recipients at RCPT TO: for good
 * (550) or for their first few tries (451). GreenMail itself accepts every recipient.
 */
public final class MailServer extends GreenMail {
    private final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
    private final Map<String, String> replies = new ConcurrentHashMap<>();

    public MailServer() {
        super(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    }

    public int port() {
        return getSmtp().getPort();
    }

    /** Refuses {@code address} with a permanent 550 on every try. */
    void rejectPermanently(String address) {
        refuse(address, Integer.MAX_VALUE, "550 5.1.1 Recipient address rejected");
    }

    /** Refuses {@code address} with a transient 451 on its first {@code times} tries. */
    void rejectTransiently(String address, int times) {
        refuse(address, times, "451 4.3.0 Try again later");
    }

    private void refuse(String address, int times, String reply) {
        refusals.put(address.toLowerCase(), new AtomicInteger(times));
        replies.put(address.toLowerCase(), reply);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
        SmtpManager refusing = new SmtpManager(managers.getImapHostManager(), managers.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
                String key = address.getEmail().toLowerCase();
                AtomicInteger left = refusals.get(key);
                return left != null && left.getAndDecrement() > 0 ? replies.get(key) : null;
            }
        };
        return super.createServices(config, new Managers() {
            @Override
            public SmtpManager getSmtpManager() {
                return refusing;
            }

            @Override
            public UserManager getUserManager() {
                return managers.getUserManager();
            }

            @Override
            public ImapHostManager getImapHostManager() {
                return managers.getImapHostManager();
            }
        });
    }
}
