require "foo";
