require "vacation";
vacation :handle "h1" :from "bob@example.org" :addresses ["bob@example.org"] text:
I am away.
..dot line
.
;
