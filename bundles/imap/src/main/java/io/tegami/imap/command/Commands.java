package io.tegami.imap.command;

import static io.tegami.imap.session.SessionState.AUTHENTICATED;
import static io.tegami.imap.session.SessionState.NOT_AUTHENTICATED;
import static io.tegami.imap.session.SessionState.SELECTED;

/** The command table: every command this server implements, in the states RFC 3501 allows it. */
public final class Commands {

    private Commands() {
    }

    /** A dispatcher with every command registered. */
    public static CommandDispatcher standard() {
        CommandDispatcher d = new CommandDispatcher();
        // Any state (RFC 3501 6.1, RFC 2971).
        d.register(new CapabilityCommand(), NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
        d.register(NoopCommand.noop(), NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
        d.register(new LogoutCommand(), NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
        d.register(new IdCommand(), NOT_AUTHENTICATED, AUTHENTICATED, SELECTED);
        // Not authenticated (6.2).
        d.register(new StartTlsCommand(), NOT_AUTHENTICATED);
        d.register(new AuthenticateCommand(), NOT_AUTHENTICATED);
        d.register(new LoginCommand(), NOT_AUTHENTICATED);
        // Authenticated, and so selected too (6.3).
        d.register(SelectCommand.select(), AUTHENTICATED, SELECTED);
        d.register(SelectCommand.examine(), AUTHENTICATED, SELECTED);
        d.register(new CreateCommand(), AUTHENTICATED, SELECTED);
        d.register(new DeleteCommand(), AUTHENTICATED, SELECTED);
        d.register(new RenameCommand(), AUTHENTICATED, SELECTED);
        d.register(SubscribeCommand.subscribe(), AUTHENTICATED, SELECTED);
        d.register(SubscribeCommand.unsubscribe(), AUTHENTICATED, SELECTED);
        d.register(new ListCommand(), AUTHENTICATED, SELECTED);
        d.register(new LsubCommand(), AUTHENTICATED, SELECTED);
        d.register(new StatusCommand(), AUTHENTICATED, SELECTED);
        d.register(new AppendCommand(), AUTHENTICATED, SELECTED);
        d.register(new NamespaceCommand(), AUTHENTICATED, SELECTED);
        d.register(new IdleCommand(), AUTHENTICATED, SELECTED);
        d.register(QuotaCommand.getQuotaRoot(), AUTHENTICATED, SELECTED); // RFC 9208
        d.register(QuotaCommand.getQuota(), AUTHENTICATED, SELECTED);
        d.register(QuotaCommand.setQuota(), AUTHENTICATED, SELECTED);
        d.register(new CompressCommand(), AUTHENTICATED, SELECTED);
        // RFC 5161: ENABLE only before a mailbox is selected.
        d.register(new EnableCommand(), AUTHENTICATED);
        // Selected (6.4) and the extensions' selected-state commands.
        d.register(NoopCommand.check(), SELECTED);
        d.register(CloseCommand.close(), SELECTED);
        d.register(CloseCommand.unselect(), SELECTED);
        d.register(ExpungeCommand.expunge(), SELECTED);
        d.register(ExpungeCommand.uidExpunge(), SELECTED);
        d.register(SearchCommand.search(), SELECTED);
        d.register(SearchCommand.uidSearch(), SELECTED);
        d.register(FetchCommand.fetch(), SELECTED);
        d.register(FetchCommand.uidFetch(), SELECTED);
        d.register(StoreCommand.store(), SELECTED);
        d.register(StoreCommand.uidStore(), SELECTED);
        d.register(CopyCommand.copy(false), SELECTED);
        d.register(CopyCommand.copy(true), SELECTED);
        d.register(CopyCommand.move(false), SELECTED);
        d.register(CopyCommand.move(true), SELECTED);
        d.register(SortCommand.sort(false), SELECTED);
        d.register(SortCommand.sort(true), SELECTED);
        d.register(SortCommand.thread(false), SELECTED);
        d.register(SortCommand.thread(true), SELECTED);
        return d;
    }
}
