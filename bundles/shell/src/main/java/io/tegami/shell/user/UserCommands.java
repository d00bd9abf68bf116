package io.tegami.shell.user;

import java.util.Arrays;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.annotations.GogoCommand;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import io.tegami.api.user.UserAccounts;
import io.tegami.shell.CommandFailedException;

/**
 * The {@code useradd}, {@code userdel} and {@code passwd} console commands (Gogo scope
 * {@code tegami}).
 *
 * <p>The functions take varargs so that a wrong argument count gets a usage line rather than
 * Gogo's "Cannot coerce" message. The directory reference is optional and dynamic: read-only
 * directories offer no {@link UserAccounts}, and the commands then say so.
 */
@Component(service = UserCommands.class)
@GogoCommand(scope = "tegami", function = {"useradd", "userdel", "passwd"})
public final class UserCommands {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserAccounts accounts;

    public UserCommands() {
    }

    /** For tests, which have no DS to set the field. */
    UserCommands(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Descriptor("add a mail user")
    public void useradd(@Descriptor("NAME PASSWORD") String... args) {
        expect(args, 2, "usage: useradd NAME PASSWORD");
        System.out.println(SecretThreadName.during("useradd", () -> new UserAdmin(accounts).add(args[0], args[1])));
    }

    @Descriptor("remove a mail user (their mail stays on disk)")
    public void userdel(@Descriptor("NAME") String... args) {
        expect(args, 1, "usage: userdel NAME");
        System.out.println(new UserAdmin(accounts).remove(args[0]));
    }

    @Descriptor("set a mail user's password")
    public void passwd(@Descriptor("NAME PASSWORD") String... args) {
        expect(args, 2, "usage: passwd NAME PASSWORD");
        System.out.println(
                SecretThreadName.during("passwd", () -> new UserAdmin(accounts).setPassword(args[0], args[1])));
    }

    private static void expect(String[] args, int count, String usage) {
        if (args.length != count || Arrays.asList(args).contains(null)) {
            throw new CommandFailedException(usage);
        }
    }
}
