Console.WriteLine("Nexudus.Salto sample: the demo host lands with the sample issue.");
return 0;
