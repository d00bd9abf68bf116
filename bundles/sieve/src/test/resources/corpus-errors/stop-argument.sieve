stop 3;
