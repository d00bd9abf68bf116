package io.tegami.sieve;

import io.tegami.api.sieve.SieveExtension;
import java.util.List;

/** The extensions this bundle registers as DS components, for use outside OSGi (tests, tools). */
final class BundledExtensions {

    private BundledExtensions() {
    }

    static List<SieveExtension> all() {
        return List.of(new FileintoExtension(), new EnvelopeExtension(), new EncodedCharacterExtension(),
                new VariablesExtension(), new Imap4flagsExtension(), new CopyExtension(), new RelationalExtension(),
                new AsciiNumericExtension(), new SubaddressExtension(), new RejectExtension(), new ErejectExtension(),
                new VacationExtension(), new VacationSecondsExtension(), new RegexExtension(), new IndexExtension(),
                new DateExtension(), new BodyExtension(), new MailboxExtension(), new DuplicateExtension(),
                new EditheaderExtension(), new IncludeExtension());
    }
}
